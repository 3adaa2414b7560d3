import type { z } from 'zod';
import { identifySchema, maxBatchBytes, maxBatchSize, maxCallBytes, maxValueBytes, trackSchema, type IncomingEvent } from './schemas.js';
import { serializedSize, tooBig } from './size.js';

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. "traits.email" or "batch.3.event". */
  field: string;
  message: string;
}

export type ParseResult = { ok: true; events: IncomingEvent[] } | { ok: false; issues: FieldIssue[] };

/** Parses one identify, track or batch call; every problem names its field. */
export function parseCall(kind: 'identify' | 'track' | 'batch', body: unknown): ParseResult {
  if (!isObject(body)) return fail('', 'the body must be a JSON object');
  if (kind !== 'batch') return parseOne(kind, body, '').result;
  const batch = body.batch;
  if (!Array.isArray(batch)) return fail('batch', 'batch must be an array of identify and track calls');
  if (batch.length === 0) return fail('batch', 'batch is empty');
  if (batch.length > maxBatchSize) return fail('batch', `at most ${maxBatchSize} events per batch; split it`);
  const events: IncomingEvent[] = [];
  const issues: FieldIssue[] = [];
  let batchBytes = 0;
  batch.forEach((item, index) => {
    const prefix = `batch.${index}.`;
    const type = isObject(item) ? item.type : undefined;
    if (type !== 'identify' && type !== 'track') {
      batchBytes += serializedSize(item);
      issues.push({ field: `${prefix}type`, message: 'type must be "identify" or "track"' });
      return;
    }
    const { result, bytes } = parseOne(type, item as Record<string, unknown>, prefix);
    batchBytes += bytes;
    if (result.ok) events.push(...result.events);
    else issues.push(...result.issues);
  });
  if (batchBytes > maxBatchBytes) issues.unshift({ field: 'batch', message: `${tooBig('a batch', maxBatchBytes, batchBytes)}; split it` });
  // All or nothing: a batch with one bad event is refused whole, so nothing is half-stored.
  return issues.length > 0 ? { ok: false, issues } : { ok: true, events };
}

function parseOne(type: 'identify' | 'track', body: Record<string, unknown>, prefix: string): { result: ParseResult; bytes: number } {
  const schema: z.ZodType = type === 'identify' ? identifySchema : trackSchema;
  const parsed = schema.safeParse(body);
  const issues: FieldIssue[] = parsed.success ? [] : parsed.error.issues.map((issue) => ({ field: prefix + issue.path.join('.'), message: issue.message }));
  const bytes = serializedSize(body);
  issues.push(...oversizedValues(type, body, bytes, prefix));
  if (bytes > maxCallBytes) issues.push({ field: prefix.replace(/\.$/, ''), message: tooBig('a call', maxCallBytes, bytes) });
  if (issues.length > 0 || !parsed.success) return { result: { ok: false, issues }, bytes };
  return { result: { ok: true, events: [{ type, ...(parsed.data as object) } as IncomingEvent] }, bytes };
}

/** Each trait (identify) or property (track) over maxValueBytes, named. */
function oversizedValues(type: 'identify' | 'track', body: Record<string, unknown>, callBytes: number, prefix: string): FieldIssue[] {
  // A call no bigger than the cap cannot hold a value bigger than it: most calls stop here.
  if (callBytes <= maxValueBytes) return [];
  const [field, what] = type === 'identify' ? ['traits', 'a trait'] : ['properties', 'a property'];
  const values = body[field];
  if (!isObject(values)) return [];
  return Object.entries(values).flatMap(([key, value]) => {
    const bytes = serializedSize(value);
    return bytes > maxValueBytes ? [{ field: `${prefix}${field}.${key}`, message: tooBig(what, maxValueBytes, bytes) }] : [];
  });
}

function fail(field: string, message: string): ParseResult {
  return { ok: false, issues: [{ field, message }] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
