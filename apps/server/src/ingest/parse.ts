import { callSchemas, callTypes, maxBatchBytes, maxBatchSize, maxCallBytes, maxValueBytes, type CallType, type IncomingEvent } from './schemas.js';
import { serializedSize, tooBig } from './size.js';

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. "traits.email" or "batch.3.event". */
  field: string;
  message: string;
}

/** A batch item that was dropped while the rest of its batch was stored. */
export interface RejectedItem extends FieldIssue {
  index: number;
  /** What the item said it was, when it said it as a string. */
  type: string | null;
  messageId: string | null;
  /** The item as received (with the batch's context merged in). */
  payload: unknown;
}

export type ParseResult =
  | { ok: true; events: IncomingEvent[]; rejected: RejectedItem[] }
  | { ok: false; status: 400 | 413; issues: FieldIssue[]; rejected: RejectedItem[] };

/**
 * Parses one call, or a batch of them; every problem names its field. A batch's bad items are
 * rejected one by one (listed in `rejected`) and the others kept; the batch as a whole is refused
 * only when it is not a list, is over Segment's limits, or holds nothing good. `receivedAt`
 * corrects a client's clock (Segment's `originalTimestamp` + `sentAt`).
 */
export function parseCall(kind: CallType | 'batch', body: unknown, receivedAt = new Date()): ParseResult {
  if (!isObject(body)) return fail(400, '', 'the body must be a JSON object');
  if (kind !== 'batch') {
    const { events, issues, tooLarge } = parseOne(kind, body, '', receivedAt);
    return issues.length > 0 ? { ok: false, status: tooLarge ? 413 : 400, issues, rejected: [] } : { ok: true, events, rejected: [] };
  }
  const batch = body.batch;
  if (!Array.isArray(batch)) return fail(400, 'batch', `batch must be an array of calls (${callTypes.join(', ')})`);
  if (batch.length === 0) return fail(400, 'batch', 'batch is empty');
  if (batch.length > maxBatchSize) return fail(413, 'batch', `at most ${maxBatchSize} calls per batch (this one has ${batch.length}); split it`);
  const batchBytes = serializedSize(body);
  if (batchBytes > maxBatchBytes) return fail(413, 'batch', `${tooBig('a batch', maxBatchBytes, batchBytes)}; split it`);

  const shared = { context: body.context, integrations: body.integrations, sentAt: body.sentAt };
  const events: IncomingEvent[] = [];
  const rejected: RejectedItem[] = [];
  batch.forEach((raw: unknown, index) => {
    const prefix = `batch.${index}.`;
    const item = isObject(raw) ? withBatchFields(raw, shared) : raw;
    const type = isObject(item) ? item.type : undefined;
    const reject = (issues: FieldIssue[]) =>
      rejected.push({
        index,
        type: typeof type === 'string' ? type : null,
        messageId: isObject(item) && typeof item.messageId === 'string' ? item.messageId : null,
        field: issues[0]!.field,
        message: issues.map((issue) => (issue.field ? `${issue.field}: ${issue.message}` : issue.message)).join('; '),
        payload: item,
      });
    if (!isCallType(type)) {
      reject([{ field: `${prefix}type`, message: `type must be one of ${callTypes.join(', ')}` }]);
      return;
    }
    const result = parseOne(type, item as Record<string, unknown>, prefix, receivedAt);
    if (result.issues.length > 0) reject(result.issues);
    else events.push(...result.events);
  });
  if (events.length === 0) return { ok: false, status: 400, issues: rejected.map(({ field, message }) => ({ field, message })), rejected };
  return { ok: true, events, rejected };
}

function parseOne(type: CallType, body: Record<string, unknown>, prefix: string, receivedAt: Date): { events: IncomingEvent[]; issues: FieldIssue[]; tooLarge: boolean } {
  const bytes = serializedSize(body);
  if (bytes > maxCallBytes) {
    // Name the values that make it too big where there are some: that is what the sender must fix.
    const values = oversizedValues(type, body, prefix);
    const issues = values.length > 0 ? values : [{ field: prefix.replace(/\.$/, ''), message: tooBig('a call', maxCallBytes, bytes) }];
    return { events: [], issues, tooLarge: true };
  }
  const parsed = callSchemas[type].safeParse(type === 'identify' ? withContextTraits(body) : body);
  if (!parsed.success) {
    return { events: [], issues: parsed.error.issues.map((issue) => ({ field: prefix + issue.path.join('.'), message: issue.message })), tooLarge: false };
  }
  const call = parsed.data as Omit<IncomingEvent, 'type'>;
  return { events: [{ ...call, type, timestamp: correctedTimestamp(call, receivedAt) } as IncomingEvent], issues: [], tooLarge: false };
}

/**
 * Segment's clock-skew correction: a call without `timestamp` happened at
 * `receivedAt − (sentAt − originalTimestamp)`, so a device whose clock is wrong by hours still
 * dates its events right. Without `sentAt`, `originalTimestamp` is taken as it is.
 */
function correctedTimestamp(call: { timestamp?: string; originalTimestamp?: string; sentAt?: string }, receivedAt: Date): string | undefined {
  if (call.timestamp || !call.originalTimestamp) return call.timestamp;
  if (!call.sentAt) return call.originalTimestamp;
  const skew = Date.parse(call.sentAt) - Date.parse(call.originalTimestamp);
  return new Date(receivedAt.getTime() - skew).toISOString();
}

/** The batch's own context and integrations under each item's (the item's win), and its sentAt. */
function withBatchFields(item: Record<string, unknown>, shared: { context: unknown; integrations: unknown; sentAt: unknown }): Record<string, unknown> {
  const merged = { ...item };
  for (const key of ['context', 'integrations'] as const) {
    if (isObject(shared[key])) merged[key] = { ...shared[key], ...(isObject(item[key]) ? item[key] : {}) };
  }
  if (merged.sentAt === undefined && typeof shared.sentAt === 'string') merged.sentAt = shared.sentAt;
  return merged;
}

/**
 * An identify's traits, with those of `context.traits` under them (the call's own win).
 * RudderStack's SDKs (Python, Go, Java…) send an identify's traits in `context.traits` alone, and
 * Segment's spec has `context.traits` describe the user too.
 */
function withContextTraits(body: Record<string, unknown>): Record<string, unknown> {
  const fromContext = isObject(body.context) && isObject(body.context.traits) ? body.context.traits : null;
  if (!fromContext) return body;
  return { ...body, traits: { ...fromContext, ...(isObject(body.traits) ? body.traits : {}) } };
}

/** Each trait or property over maxValueBytes, named. */
function oversizedValues(type: CallType, body: Record<string, unknown>, prefix: string): FieldIssue[] {
  const [field, what] = type === 'identify' || type === 'group' ? ['traits', 'a trait'] : ['properties', 'a property'];
  const values = body[field];
  if (!isObject(values)) return [];
  return Object.entries(values).flatMap(([key, value]) => {
    const bytes = serializedSize(value);
    return bytes > maxValueBytes ? [{ field: `${prefix}${field}.${key}`, message: tooBig(what, maxValueBytes, bytes) }] : [];
  });
}

function isCallType(type: unknown): type is CallType {
  return typeof type === 'string' && (callTypes as string[]).includes(type);
}

function fail(status: 400 | 413, field: string, message: string): ParseResult {
  return { ok: false, status, issues: [{ field, message }], rejected: [] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
