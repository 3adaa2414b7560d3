import { SendRate } from './rate-limit.js';
import { httpSmsTransport, type SmsTransport } from './sms/http-transport.js';
import { twilioSmsTransport } from './sms/twilio-transport.js';

export interface ProviderSettings {
  SMS_URL?: string;
  TWILIO_ACCOUNT_SID?: string;
  TWILIO_AUTH_TOKEN?: string;
  TWILIO_FROM?: string;
  TWILIO_MESSAGING_SERVICE_SID?: string;
  TWILIO_BASE_URL?: string;
  /** Where Twilio's delivery reports are sent back (<TEND_PUBLIC_URL>/webhooks/sms/<workspace>/status); unset: not asked for. */
  TEND_PUBLIC_URL?: string;
  /** SMS a second this process sends, whichever the provider; unset: no limit. */
  SMS_RATE_LIMIT?: number;
  /** Web pushes a second this process sends; unset: no limit. */
  PUSH_RATE_LIMIT?: number;
}

export interface Providers {
  /** Paced at SMS_RATE_LIMIT when one is set. */
  sms?: SmsTransport;
  /** PUSH_RATE_LIMIT as this process's one SendRate, for the web push transport (`webPushTransport(vapid, { rate })`). */
  pushRate?: SendRate;
  /** The channels that can send, for publish-time checks: always email and web push (each workspace has its own VAPID keys), sms when configured. */
  channels: ('email' | 'sms' | 'push')[];
}

/** Builds the SMS provider from configuration; a half-configured Twilio set is an error. */
export function providersFrom(settings: ProviderSettings): Providers {
  const provider = twilioFrom(settings) ?? (settings.SMS_URL ? httpSmsTransport(settings.SMS_URL) : undefined);
  // One SendRate per process and channel: every send through the provider shares it.
  const sms = provider && settings.SMS_RATE_LIMIT ? pacedSms(provider, new SendRate(settings.SMS_RATE_LIMIT, { name: 'SMS_RATE_LIMIT' })) : provider;
  const pushRate = settings.PUSH_RATE_LIMIT ? new SendRate(settings.PUSH_RATE_LIMIT, { name: 'PUSH_RATE_LIMIT' }) : undefined;
  return { sms, pushRate, channels: ['email', ...(sms ? (['sms'] as const) : []), 'push'] };
}

/** The provider, each send waiting for its slot first (see SendRate: under the send's lease, for at most 30 s of its 3 minutes). */
function pacedSms(provider: SmsTransport, rate: SendRate): SmsTransport {
  return {
    ...provider,
    async send(sms) {
      await rate.take();
      return provider.send(sms);
    },
  };
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
