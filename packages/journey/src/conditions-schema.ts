import { z } from 'zod';
import { asIsoDate, asNumber, filterOps, numberOps, predictedMeasures, type Condition, type FilterOp, type PropertyFilter } from './ir/conditions.js';

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

const sinceMessage = 'since must be a date like "2026-01-01" or "2026-01-01T09:00:00Z"';

const eventCountConditionSchema = z
  .object({
    kind: z.literal('event-count'),
    event: z.string().trim().min(1, 'name the event, e.g. "Order Completed"'),
    filters: z.array(propertyFilterSchema).default([]),
    atLeast: z.number().int('count whole times').min(1, 'atLeast must be at least 1'),
    withinDays: z.number().positive('withinDays must be more than 0').optional(),
    /** Count events from this date on ("did not do Y since Z" is not + at least 1 since Z). */
    since: z
      .string({ error: sinceMessage })
      .refine((since) => asIsoDate(since) !== undefined, sinceMessage)
      .optional(),
  })
  .superRefine((condition, ctx) => {
    if (condition.withinDays === undefined && condition.since === undefined) {
      ctx.addIssue({ code: 'custom', path: ['withinDays'], message: 'set withinDays (the last N days), since (a date like "2026-01-01"), or both' });
    }
  });

const segmentConditionSchema = z.object({
  kind: z.literal('segment'),
  segment: z.string().trim().min(1, 'name the segment'),
  /** false: "is not in the segment". */
  member: z.boolean().default(true),
});

const listConditionSchema = z.object({
  kind: z.literal('list'),
  list: z.string().trim().min(1, 'name the list, e.g. "vip-customers"'),
  /** false: "is not on the list". */
  member: z.boolean().default(true),
});

const rfmConditionSchema = z.object({
  kind: z.literal('rfm'),
  groups: z.array(z.string().trim().min(1, 'name the RFM group, e.g. "Champions"')).min(1, 'choose at least one RFM group, e.g. "Champions"'),
});

const predictedConditionSchema = z.object({
  kind: z.literal('predicted'),
  measure: z.enum(predictedMeasures, { error: 'choose probabilityAlive, expectedPurchases or expectedSpend' }),
  op: z.enum(numberOps, { error: 'choose gt, gte, lt or lte' }),
  value: z.number({ error: 'compare with a number, e.g. 0.5 or 100' }),
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
    typeof listConditionSchema,
    typeof rfmConditionSchema,
    typeof predictedConditionSchema,
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
    listConditionSchema,
    rfmConditionSchema,
    predictedConditionSchema,
    engagementConditionSchema,
    allConditionSchema,
    anyConditionSchema,
    notConditionSchema,
  ],
  { error: 'choose a condition kind: attribute, event-count, segment, list, rfm, predicted, engagement, all, any or not' },
);

/** One problem with a condition: the dotted path of its field ("conditions.1.value") and the fix. */
export interface ConditionProblem {
  path: string;
  message: string;
}

/**
 * A condition read with the schema, or every problem with the path of its field: for callers
 * that check conditions outside the editor (segment definitions) without handling zod's types.
 */
export function parseCondition(input: unknown): { ok: true; condition: Condition } | { ok: false; problems: ConditionProblem[] } {
  const result = conditionSchema.safeParse(input);
  if (result.success) return { ok: true, condition: result.data };
  return { ok: false, problems: result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) };
}

/** A condition as the editor writes it, before defaults (`filters: []`, `member: true`). */
export type ConditionInput = z.input<typeof conditionSchema>;
export type PropertyFilterInput = z.input<typeof propertyFilterSchema>;

// The schemas must produce what the evaluator reads: these fail to compile if the two drift apart.
type Assert<_T extends true> = never;
type Fits<From, To> = 0 extends 1 & From ? false : [From] extends [To] ? true : false;
type _FilterFits = Assert<Fits<z.output<typeof propertyFilterSchema>, PropertyFilter>>;
type _ConditionFits = Assert<Fits<z.output<typeof conditionSchema>, Condition>>;
