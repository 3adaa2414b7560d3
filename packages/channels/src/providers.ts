import { httpSmsTransport, type SmsTransport } from './sms/http-transport.js';
import type { VapidKeys } from './push/web-push-transport.js';

export interface ProviderSettings {
  SMS_URL?: string;
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

/** Builds the SMS and web-push providers from configuration; a half-configured VAPID set is an error. */
export function providersFrom(settings: ProviderSettings): Providers {
  const vapid = [settings.VAPID_PUBLIC_KEY, settings.VAPID_PRIVATE_KEY, settings.VAPID_SUBJECT];
  if (vapid.some(Boolean) && !vapid.every(Boolean)) {
    throw new Error('web push needs all of VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT (or none of them)');
  }
  const sms = settings.SMS_URL ? httpSmsTransport(settings.SMS_URL) : undefined;
  const push = vapid.every(Boolean)
    ? { vapid: { publicKey: settings.VAPID_PUBLIC_KEY!, privateKey: settings.VAPID_PRIVATE_KEY!, subject: settings.VAPID_SUBJECT! } }
    : undefined;
  return { sms, push, channels: ['email', ...(sms ? (['sms'] as const) : []), ...(push ? (['push'] as const) : [])] };
}
