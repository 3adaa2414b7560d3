import { Analytics, type AnalyticsSettings } from '@segment/analytics-node';

export interface SegmentNodeClient {
  /** Segment's Node library as a shop's backend uses it, pointed at Tend. */
  analytics: Analytics;
  /** Every answer Tend gave, as the library saw it. */
  responses: { status: number; headers: Record<string, string>; body: string }[];
  /** Why the library dropped calls (it drops a whole batch answered 400). */
  failures: string[];
  /** Sends what is queued and waits for the answers. */
  close(): Promise<void>;
}

/**
 * `@segment/analytics-node` with `host` set to Tend. It posts JSON batches to /v1/batch with the
 * write key both as the Basic user and in the body; retries are off so a refusal shows at once.
 */
export function segmentNode(tendUrl: string, writeKey: string, settings: Partial<AnalyticsSettings> = {}): SegmentNodeClient {
  const analytics = new Analytics({ writeKey, host: tendUrl, maxRetries: 0, ...settings });
  const responses: SegmentNodeClient['responses'] = [];
  const failures: string[] = [];
  analytics.on('http_response', ({ status, headers, body }) => responses.push({ status, headers, body }));
  analytics.on('error', (error) => failures.push(`${error.code}: ${String(error.reason)}`));
  return { analytics, responses, failures, close: () => analytics.closeAndFlush({ timeout: 15_000 }) };
}
