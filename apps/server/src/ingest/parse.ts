import type { z } from 'zod';
import { identifySchema, maxBatchSize, trackSchema, type IncomingEvent } from './schemas.js';

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. "traits.email" or "batch.3.event". */
  field: string;
  message: string;
}

export type ParseResult = { ok: true; events: IncomingEvent[] } | { ok: false; issues: FieldIssue[] };

/** Parses one identify, track or batch call; every problem names its field. */
export function parseCall(kind: 'identify' | 'track' | 'batch', body: unknown): ParseResult {
  if (!isObject(body)) return fail('', 'the body must be a JSON object');
  if (kind !== 'batch') return parseOne(kind, body, '');
  const batch = body.batch;
  if (!Array.isArray(batch)) return fail('batch', 'batch must be an array of identify and track calls');
  if (batch.length === 0) return fail('batch', 'batch is empty');
  if (batch.length > maxBatchSize) return fail('batch', `at most ${maxBatchSize} events per batch; split it`);
  const events: IncomingEvent[] = [];
  const issues: FieldIssue[] = [];
  batch.forEach((item, index) => {
    const prefix = `batch.${index}.`;
    const type = isObject(item) ? item.type : undefined;
    if (type !== 'identify' && type !== 'track') {
      issues.push({ field: `${prefix}type`, message: 'type must be "identify" or "track"' });
      return;
    }
    const result = parseOne(type, item as Record<string, unknown>, prefix);
    if (result.ok) events.push(...result.events);
    else issues.push(...result.issues);
  });
  // All or nothing: a batch with one bad event is refused whole, so nothing is half-stored.
  return issues.length > 0 ? { ok: false, issues } : { ok: true, events };
}

function parseOne(type: 'identify' | 'track', body: Record<string, unknown>, prefix: string): ParseResult {
  const schema: z.ZodType = type === 'identify' ? identifySchema : trackSchema;
  const result = schema.safeParse(body);
  if (!result.success) {
    return { ok: false, issues: result.error.issues.map((issue) => ({ field: prefix + issue.path.join('.'), message: issue.message })) };
  }
  return { ok: true, events: [{ type, ...(result.data as object) } as IncomingEvent] };
}

function fail(field: string, message: string): ParseResult {
  return { ok: false, issues: [{ field, message }] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
