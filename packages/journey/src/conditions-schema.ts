import { z } from 'zod';
import { asIsoDate, asNumber, filterOps, type Condition, type FilterOp, type PropertyFilter } from './ir/conditions.js';

/**
 * What the editor may save as a property filter or a branch condition. Every message names the
 * fix, and every issue carries the path of its field, so the inspector can show it in place.
 */

const scalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const opSchema = z.enum(filterOps, { error: 'choose an operator' });
const valueSchema = z.union([scalarSchema, z.array(scalarSchema)]).optional();

/** Why `value` does not suit `op`, or undefined when it does. */
function valueProblem(op: FilterOp, value: unknown): string | undefined {
  if (op === 'exists' || op === 'not_exists') return undefined;
  if (op === 'in' || op === 'not_in') {
    return Array.isArray(value) && value.length > 0 ? undefined : `${op} needs a list of values`;
  }
  if (value === undefined || value === null) return `${op} needs a value (to test for no value, use exists or not_exists)`;
  if (Array.isArray(value)) return `${op} takes one value, not a list${op === 'eq' ? ': use in' : op === 'neq' ? ': use not_in' : ''}`;
  if (op === 'gt' || op === 'gte' || op === 'lt' || op === 'lte') {
    const comparable = asNumber(value) !== undefined || asIsoDate(value) !== undefined;
    return comparable ? undefined : `${op} compares numbers or dates: use a number or a date like "2026-01-01"`;
  }
  if (op === 'starts_with' && typeof value !== 'string' && typeof value !== 'number') return 'starts_with needs text';
  return undefined;
}

function checkValue(test: { op: FilterOp; value?: unknown }, ctx: z.RefinementCtx): void {
  const message = valueProblem(test.op, test.value);
  if (message) ctx.addIssue({ code: 'custom', path: ['value'], message });
}

export const propertyFilterSchema = z
  .object({
    property: z.string().trim().min(1, 'name the property, e.g. "total" or "items.0.sku"'),
    op: opSchema,
    value: valueSchema,
  })
  .superRefine(checkValue);

const attributeConditionSchema = z
  .object({
    kind: z.literal('attribute'),
    attribute: z.string().trim().min(1, 'name the attribute, e.g. "plan" or "email"'),
    op: opSchema,
    value: valueSchema,
  })
  .superRefine(checkValue);

const eventCountConditionSchema = z.object({
  kind: z.literal('event-count'),
  event: z.string().trim().min(1, 'name the event, e.g. "Order Completed"'),
  filters: z.array(propertyFilterSchema).default([]),
  atLeast: z.number().int('count whole times').min(1, 'atLeast must be at least 1'),
  withinDays: z.number().positive('withinDays must be more than 0'),
});

const segmentConditionSchema = z.object({
  kind: z.literal('segment'),
  segment: z.string().trim().min(1, 'name the segment'),
  /** false: "is not in the segment". */
  member: z.boolean().default(true),
});

const engagementConditionSchema = z.object({
  kind: z.literal('engagement'),
  nodeId: z.string().trim().min(1, 'choose the email step'),
  action: z.enum(['opened', 'clicked'], { error: 'choose opened or clicked' }),
});

const allConditionSchema = z.object({
  kind: z.literal('all'),
  get conditions(): z.ZodArray<typeof conditionSchema> {
    return z.array(conditionSchema);
  },
});

const anyConditionSchema = z.object({
  kind: z.literal('any'),
  get conditions(): z.ZodArray<typeof conditionSchema> {
    return z.array(conditionSchema);
  },
});

const notConditionSchema = z.object({
  kind: z.literal('not'),
  get condition(): typeof conditionSchema {
    return conditionSchema;
  },
});

export const conditionSchema: z.ZodDiscriminatedUnion<
  [
    typeof attributeConditionSchema,
    typeof eventCountConditionSchema,
    typeof segmentConditionSchema,
    typeof engagementConditionSchema,
    typeof allConditionSchema,
    typeof anyConditionSchema,
    typeof notConditionSchema,
  ],
  'kind'
> = z.discriminatedUnion(
  'kind',
  [
    attributeConditionSchema,
    eventCountConditionSchema,
    segmentConditionSchema,
    engagementConditionSchema,
    allConditionSchema,
    anyConditionSchema,
    notConditionSchema,
  ],
  { error: 'choose a condition kind: attribute, event-count, segment, engagement, all, any or not' },
);

/** A condition as the editor writes it, before defaults (`filters: []`, `member: true`). */
export type ConditionInput = z.input<typeof conditionSchema>;
export type PropertyFilterInput = z.input<typeof propertyFilterSchema>;

// The schemas must produce what the evaluator reads: these fail to compile if the two drift apart.
type Assert<_T extends true> = never;
type Fits<From, To> = 0 extends 1 & From ? false : [From] extends [To] ? true : false;
type _FilterFits = Assert<Fits<z.output<typeof propertyFilterSchema>, PropertyFilter>>;
type _ConditionFits = Assert<Fits<z.output<typeof conditionSchema>, Condition>>;
