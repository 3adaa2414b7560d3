import { postJson } from './http.js';
import { runPool } from './pool.js';

export const batchSize = 100;
/** As in section 3. Tend routes a batch's contacts a few at a time (see rawInFlight in raw-temporal.ts). */
export const batchesInFlight = 4;

export interface TrackEvent {
  userId: string;
  event: string;
  messageId: string;
  properties: Record<string, unknown>;
}

export interface Posted {
  /** performance.now() before the first batch was sent. */
  began: number;
  /** performance.now() when the last answer arrived. */
  lastAnswer: number;
  /** Events Tend stored (duplicates excluded). */
  accepted: number;
  /** Refused batches, as "status body". */
  failures: string[];
}

/**
 * Sends `count` track events to POST /v1/batch, 100 per call and 4 calls in flight, starting
 * no call after `deadline` (a performance.now() value). `event(i)` builds the i-th event;
 * `answered` hears how many events have been answered so far.
 */
export async function postTrackEvents(
  { url, auth }: { url: string; auth: string },
  count: number,
  event: (i: number) => TrackEvent,
  { deadline, answered = () => {} }: { deadline: number; answered?: (events: number) => void },
): Promise<Posted> {
  const failures: string[] = [];
  let accepted = 0;
  let done = 0;
  let lastAnswer = NaN;
  const began = performance.now();
  await runPool(
    Math.ceil(count / batchSize),
    batchesInFlight,
    async (b) => {
      const first = b * batchSize;
      const batch = Array.from({ length: Math.min(batchSize, count - first) }, (_, j) => ({ type: 'track', ...event(first + j) }));
      const answer = await postJson(`${url}/v1/batch`, { batch }, auth);
      const result = answer.body as { accepted?: number; duplicates?: number } | null;
      if (answer.status === 200 && result) accepted += (result.accepted ?? 0) - (result.duplicates ?? 0);
      else failures.push(`${answer.status} ${JSON.stringify(answer.body)?.slice(0, 200)}`);
      done += batch.length;
      lastAnswer = performance.now();
      answered(done);
    },
    deadline,
  );
  return { began, lastAnswer, accepted, failures };
}
