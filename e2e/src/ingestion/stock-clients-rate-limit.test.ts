import { expect, tendTest } from '../support/index.js';
import { segmentNode } from './segment-node.js';

// Its own Tend, with a limit low enough to reach in a test.
const test = tendTest({ rateLimits: { ingestPerMinute: 2 } });

test("answers a client over its limit 429 with a Retry-After that Segment's libraries can read", async ({ tend }) => {
  const url = await tend.app.listen({ host: '127.0.0.1', port: 0 });
  // Waits for a Retry-After of at most a second, then drops the batch, so the test does not wait a minute.
  const client = segmentNode(url, tend.workspace.writeKey, { flushAt: 1, maxRateLimitDuration: 1 });
  for (const n of [1, 2, 3]) client.analytics.track({ userId: 'limited-1', event: `Call ${n}` });
  await client.close();

  // The library sends the three at once: two are let through, in whatever order they are answered.
  const statuses = client.responses.map((response) => response.status);
  expect(statuses.filter((status) => status === 200)).toHaveLength(2);
  expect(statuses).toContain(429);
  const limited = client.responses.find((response) => response.status === 429)!;
  expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);

  // analytics-next reads Retry-After from a cross-origin answer, which it may only do when it is exposed.
  // It posts text/plain to /v1/t with the key as Basic user and in the body. The key's budget spans
  // every /v1 path, so the batches above have spent it already.
  const fromBrowser = async (n: number) =>
    fetch(`${url}/v1/t`, {
      method: 'POST',
      headers: { origin: 'http://shop.example', 'content-type': 'text/plain', authorization: tend.auth },
      body: JSON.stringify({ writeKey: tend.workspace.writeKey, type: 'track', userId: 'limited-1', event: `Browser call ${n}` }),
    });
  const limitedInBrowser = await fromBrowser(1);
  expect(limitedInBrowser.status).toBe(429);
  expect(limitedInBrowser.headers.get('access-control-allow-origin')).toMatch(/^(\*|http:\/\/shop\.example)$/);
  expect(limitedInBrowser.headers.get('access-control-expose-headers') ?? '(no Access-Control-Expose-Headers)').toMatch(/retry-after/i);
  expect(Number(limitedInBrowser.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
});
