import { excerpt, httpRequest } from '../http.js';
import { strictFetch } from '../safe-fetch/guarded-fetch.js';

export interface WebhookCall {
  url: string;
  method: 'POST' | 'PUT' | 'PATCH' | 'GET';
  headers?: Record<string, string>;
  /** JSON text, sent as application/json unless the headers name another type. */
  body?: string;
  timeoutMs: number;
  /** Sent as the Idempotency-Key header: the same on every retry of one call. */
  idempotencyKey: string;
}

export interface WebhookAnswer {
  status: number;
  /** The answer parsed as JSON; its text when it is not JSON; null when empty. */
  body: unknown;
  /** Length of the answer in characters. */
  size: number;
}

/**
 * Calls a webhook once. A non-2xx answer, a timeout or a refused connection throws, so the
 * activity is retried by Temporal; the receiver can drop a repeat by its Idempotency-Key.
 * The URL is the author's, so the fetch is a guarded one (strict unless the caller passes one
 * with an allowlist): an internal target throws RefusedTargetError, which is not worth retrying.
 */
export async function callWebhook(call: WebhookCall, fetchImpl: typeof fetch = strictFetch()): Promise<WebhookAnswer> {
  const headers = new Headers(call.headers);
  if (call.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  headers.set('idempotency-key', call.idempotencyKey);
  if (!headers.has('user-agent')) headers.set('user-agent', 'Tend-Webhook/1');
  const answer = await httpRequest(fetchImpl, `the webhook (${call.method} ${new URL(call.url).host})`, call.url, {
    method: call.method,
    headers,
    body: call.body,
    timeoutMs: call.timeoutMs,
  });
  if (!answer.ok) throw new Error(`the webhook answered HTTP ${answer.status}${excerpt(answer.text)}`);
  return { status: answer.status, body: parseAnswer(answer.text), size: answer.text.length };
}

function parseAnswer(text: string): unknown {
  if (!text.trim()) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
