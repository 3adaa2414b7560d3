import { httpSmsTransport, type SmsTransport } from './sms/http-transport.js';
import { twilioSmsTransport } from './sms/twilio-transport.js';
import type { VapidKeys } from './push/web-push-transport.js';

export interface ProviderSettings {
  SMS_URL?: string;
  TWILIO_ACCOUNT_SID?: string;
  TWILIO_AUTH_TOKEN?: string;
  TWILIO_FROM?: string;
  TWILIO_MESSAGING_SERVICE_SID?: string;
  TWILIO_BASE_URL?: string;
  /** Where Twilio's delivery reports are sent back (<TEND_PUBLIC_URL>/webhooks/sms/<workspace>/status); unset: not asked for. */
  TEND_PUBLIC_URL?: string;
  VAPID_PUBLIC_KEY?: string;
  VAPID_PRIVATE_KEY?: string;
  VAPID_SUBJECT?: string;
}

export interface Providers {
  sms?: SmsTransport;
  push?: { vapid: VapidKeys };
  /** The channels that can send, for publish-time checks: always email, plus sms/push when configured. */
  channels: ('email' | 'sms' | 'push')[];
}

/** Builds the SMS and web-push providers from configuration; a half-configured VAPID or Twilio set is an error. */
export function providersFrom(settings: ProviderSettings): Providers {
  const vapid = [settings.VAPID_PUBLIC_KEY, settings.VAPID_PRIVATE_KEY, settings.VAPID_SUBJECT];
  if (vapid.some(Boolean) && !vapid.every(Boolean)) {
    throw new Error('web push needs all of VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT (or none of them)');
  }
  const sms = twilioFrom(settings) ?? (settings.SMS_URL ? httpSmsTransport(settings.SMS_URL) : undefined);
  const push = vapid.every(Boolean)
    ? { vapid: { publicKey: settings.VAPID_PUBLIC_KEY!, privateKey: settings.VAPID_PRIVATE_KEY!, subject: settings.VAPID_SUBJECT! } }
    : undefined;
  return { sms, push, channels: ['email', ...(sms ? (['sms'] as const) : []), ...(push ? (['push'] as const) : [])] };
}

/** Twilio when its settings are there (it then takes the place of SMS_URL); which one is missing when only some are. */
function twilioFrom(settings: ProviderSettings): SmsTransport | undefined {
  const { TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken, TWILIO_FROM: from, TWILIO_MESSAGING_SERVICE_SID: messagingServiceSid } = settings;
  const any = accountSid || authToken || from || messagingServiceSid || settings.TWILIO_BASE_URL;
  if (!any) return undefined;
  const missing = [
    ...(accountSid ? [] : ['TWILIO_ACCOUNT_SID']),
    ...(authToken ? [] : ['TWILIO_AUTH_TOKEN']),
    ...(from || messagingServiceSid ? [] : ['TWILIO_FROM (or TWILIO_MESSAGING_SERVICE_SID)']),
  ];
  if (missing.length > 0) throw new Error(`Twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and a sender; set ${missing.join(', ')} (or unset every TWILIO_*)`);
  const publicUrl = settings.TEND_PUBLIC_URL?.replace(/\/+$/, '');
  return twilioSmsTransport({
    accountSid: accountSid!,
    authToken: authToken!,
    from,
    messagingServiceSid,
    baseUrl: settings.TWILIO_BASE_URL,
    statusCallbackUrl: publicUrl ? (workspaceId) => `${publicUrl}/webhooks/sms/${encodeURIComponent(workspaceId)}/status` : undefined,
  });
}
