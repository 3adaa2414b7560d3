import { UndeliverableError } from '../errors.js';
import { excerpt, httpRequest, splitCredentials } from '../http.js';

export interface OutgoingSms {
  /** E.164, e.g. +14155550123. */
  to: string;
  body: string;
  /** Stable across retries of one send, so the provider can drop a repeat. */
  idempotencyKey: string;
  /** The sending workspace: where a provider's status callbacks are addressed. */
  workspaceId?: string;
}

/** An inbound webhook request as its signature covers it: the full URL requested and the form's parameters. */
export interface SignedWebhook {
  url: string;
  params: Record<string, string | string[]>;
  signature: string | undefined;
}

export interface SmsTransport {
  send(sms: OutgoingSms): Promise<{ providerMessageId: string }>;
  /**
   * Whether an inbound request (a reply, a status callback) really comes from this provider.
   * Absent: the provider sends no webhooks Tend understands (the generic HTTP API).
   */
  verifyWebhook?(request: SignedWebhook): boolean;
}

export interface HttpSmsOptions {
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Per request; well inside the send lease and the activity timeout. Default 30 s. */
  timeoutMs?: number;
}

/**
 * A generic HTTP SMS API: POSTs JSON `{ to, body, idempotencyKey }` to `url` with an
 * `Idempotency-Key` header (credentials in the URL become Basic auth). A 2xx is a send, and the
 * answer's `id` or `messageId` is kept. 400 and 422 mean the provider refused this message
 * (a malformed number): retrying cannot help, so they fail it for good. Anything else (429,
 * 5xx, 401 while keys are rotated, no answer) is an error Temporal retries.
 */
export function httpSmsTransport(url: string, options: HttpSmsOptions = {}): SmsTransport {
  const target = splitCredentials(url);
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    async send(sms) {
      const answer = await httpRequest(fetchImpl, 'the SMS provider', target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': sms.idempotencyKey,
          ...(target.authorization ? { authorization: target.authorization } : {}),
        },
        body: JSON.stringify({ to: sms.to, body: sms.body, idempotencyKey: sms.idempotencyKey }),
        timeoutMs,
      });
      if (answer.status === 400 || answer.status === 422) {
        throw new UndeliverableError(`the SMS provider refused the message (HTTP ${answer.status}${excerpt(answer.text)})`);
      }
      if (!answer.ok) throw new Error(`the SMS provider answered HTTP ${answer.status}${excerpt(answer.text)}`);
      return { providerMessageId: providerMessageId(answer.text) ?? sms.idempotencyKey };
    },
  };
}

function providerMessageId(text: string): string | undefined {
  try {
    const parsed = JSON.parse(text) as { id?: unknown; messageId?: unknown };
    const id = parsed.id ?? parsed.messageId;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
  } catch {
    return undefined;
  }
}
