import { UndeliverableError } from '../errors.js';
import { excerpt, httpRequest } from '../http.js';
import type { SmsTransport } from './http-transport.js';
import { verifyTwilioSignature } from './twilio-signature.js';
import { UnreachableNumberError, type NumberSuppression } from './unreachable-number.js';

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  /** The sender: a number in E.164 or an alphanumeric sender id. One of this or messagingServiceSid. */
  from?: string;
  /** A Messaging Service (MG…) that picks the sender from its pool. */
  messagingServiceSid?: string;
  /** Default https://api.twilio.com; a local peer's URL in tests. */
  baseUrl?: string;
  /** Where Twilio reports a message's fate (delivered, undelivered), per workspace; absent: not asked to. */
  statusCallbackUrl?: (workspaceId: string) => string;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Per request. Default 30 s. */
  timeoutMs?: number;
}

/** Twilio error codes that condemn the number rather than the message. */
const numberErrors: Record<number, { suppression: NumberSuppression; why: string }> = {
  21211: { suppression: 'invalid-number', why: 'is not a valid phone number' },
  21614: { suppression: 'invalid-number', why: 'is not a mobile number that can receive SMS' },
  21610: { suppression: 'unsubscribed', why: 'replied STOP to this sender' },
};

/**
 * Sends through Twilio's Messages resource: a form-encoded POST to
 * /2010-04-01/Accounts/{AccountSid}/Messages.json with Basic auth, the ledger key as
 * `I-Twilio-Idempotency-Token` (Twilio answers a repeat with the first answer and sends nothing).
 * 201 is a send (the message's `sid` kept). A 400 is final: for a bad or opted-out number
 * (21211, 21614, 21610) an UnreachableNumberError, so the number is suppressed too; for anything
 * else about the message an UndeliverableError. 401, 429, 5xx and no answer are errors Temporal
 * retries until Twilio is back.
 */
export function twilioSmsTransport(settings: TwilioSettings): SmsTransport {
  if (!settings.from && !settings.messagingServiceSid) throw new Error('Twilio needs a sender: TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID');
  const base = (settings.baseUrl ?? 'https://api.twilio.com').replace(/\/+$/, '');
  const endpoint = `${base}/2010-04-01/Accounts/${encodeURIComponent(settings.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString('base64')}`;
  const fetchImpl = settings.fetch ?? fetch;
  const timeoutMs = settings.timeoutMs ?? 30_000;
  return {
    async send(sms) {
      const form = new URLSearchParams({ To: sms.to, Body: sms.body });
      if (settings.messagingServiceSid) form.set('MessagingServiceSid', settings.messagingServiceSid);
      else form.set('From', settings.from!);
      if (settings.statusCallbackUrl && sms.workspaceId) form.set('StatusCallback', settings.statusCallbackUrl(sms.workspaceId));
      const answer = await httpRequest(fetchImpl, 'Twilio', endpoint, {
        method: 'POST',
        headers: {
          authorization,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
          'i-twilio-idempotency-token': sms.idempotencyKey,
        },
        body: form.toString(),
        timeoutMs,
      });
      if (answer.status === 400) throw refusal(sms.to, answer.text);
      if (!answer.ok) throw new Error(`Twilio answered HTTP ${answer.status}${excerpt(answer.text)}`);
      const sid = parse(answer.text).sid;
      if (typeof sid !== 'string') throw new Error(`Twilio accepted the message but its answer has no sid${excerpt(answer.text)}`);
      return { providerMessageId: sid };
    },
    verifyWebhook: (request) => verifyTwilioSignature(settings.authToken, request.url, request.params, request.signature),
  };
}

/** Twilio's 400 as a final error, naming its code so the ledger's reason says what to do. */
function refusal(to: string, text: string): UndeliverableError {
  const { code, message } = parse(text);
  const known = typeof code === 'number' ? numberErrors[code] : undefined;
  const said = typeof message === 'string' ? `: ${message}` : excerpt(text);
  if (known) return new UnreachableNumberError(`the number ${known.why} (Twilio ${code}${said})`, to, known.suppression, code as number);
  return new UndeliverableError(`Twilio refused the message (${typeof code === 'number' ? `error ${code}` : 'HTTP 400'}${said})`);
}

function parse(text: string): Record<string, unknown> {
  try {
    const parsed = JSON.parse(text) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
