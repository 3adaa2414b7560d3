import { parseCall } from './parse.js';
import type { IncomingEvent } from './schemas.js';

/** Calls as a /v1/batch body's items would give them (for tests of storing). */
export function calls(...items: object[]): IncomingEvent[] {
  const parsed = parseCall('batch', { batch: items }, new Date());
  if (!parsed.ok || parsed.rejected.length > 0) throw new Error(`the test's calls do not parse: ${JSON.stringify(parsed)}`);
  return parsed.events;
}
