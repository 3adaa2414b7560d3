export interface Timed {
  status: number;
  ms: number;
  /** The parsed JSON answer, or null when it was not JSON. */
  body: unknown;
}

/** One HTTP call over the shared keep-alive pool (undici), timed to the end of the body. */
export async function timedFetch(url: string, init: RequestInit = {}): Promise<Timed> {
  const began = performance.now();
  try {
    const response = await fetch(url, init);
    const text = await response.text();
    const ms = performance.now() - began;
    return { status: response.status, ms, body: parseJson(text) };
  } catch {
    return { status: 0, ms: performance.now() - began, body: null };
  }
}

export function postJson(url: string, body: unknown, auth?: string): Promise<Timed> {
  return timedFetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
    body: JSON.stringify(body),
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
