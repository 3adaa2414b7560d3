import { RefusedTargetError, UndeliverableError } from './errors.js';

/** A provider's answer, read whole. */
export interface HttpAnswer {
  status: number;
  ok: boolean;
  headers: Headers;
  text: string;
}

/**
 * One HTTP request with a deadline covering the whole exchange (body included). Network
 * failures and timeouts become errors that name the provider, for the ledger's last_error and
 * Temporal's failure view; a guarded fetch's refusal stays undeliverable, so it is not retried.
 */
export async function httpRequest(
  fetchImpl: typeof fetch,
  what: string,
  url: string,
  init: RequestInit & { timeoutMs: number },
): Promise<HttpAnswer> {
  const { timeoutMs, ...rest } = init;
  try {
    const response = await fetchImpl(url, { ...rest, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    return { status: response.status, ok: response.ok, headers: response.headers, text };
  } catch (error) {
    if (error instanceof RefusedTargetError) throw error.stopping(what);
    if (error instanceof UndeliverableError) throw new UndeliverableError(`${what}: ${error.message}`);
    if (error instanceof Error && error.name === 'TimeoutError') throw new Error(`${what} did not answer within ${timeoutMs} ms`);
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    throw new Error(`could not reach ${what} (${error instanceof Error ? error.message : String(error)}${cause})`);
  }
}

/** The start of an error body, enough to tell why without filling the ledger. */
export function excerpt(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (!trimmed) return '';
  return `: ${trimmed.length > 200 ? `${trimmed.slice(0, 200)}…` : trimmed}`;
}

/**
 * fetch refuses URLs with credentials in them, so https://user:pass@host/ becomes the bare URL
 * plus a Basic Authorization header.
 */
export function splitCredentials(url: string): { url: string; authorization?: string } {
  const parsed = new URL(url);
  if (!parsed.username && !parsed.password) return { url };
  const credentials = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`;
  parsed.username = '';
  parsed.password = '';
  return { url: parsed.toString(), authorization: `Basic ${Buffer.from(credentials).toString('base64')}` };
}
