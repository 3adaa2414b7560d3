import { traitProblems } from '@tend/audience';
import { z } from 'zod';

/**
 * Segment's call shapes. `context` and `integrations` are kept (a batch's own are merged into
 * each item); other unknown fields are accepted and dropped.
 */
/** Segment libraries send the id they lack as null (analytics-python does on every call). */
const optionalId = z
  .union([z.string().min(1), z.number()])
  .nullish()
  .transform((value) => (value == null ? undefined : String(value)));

const requiredId = (name: string) =>
  z
    .union([z.string().trim().min(1, `${name} is required`), z.number()], { message: `${name} is required` })
    .transform((value) => String(value));

const isoDate = (name: string) => z.iso.datetime({ offset: true, message: `invalid ${name}: use ISO 8601, e.g. 2026-11-23T09:00:00Z` }).optional();

const record = z.record(z.string(), z.unknown());

const common = {
  userId: optionalId,
  anonymousId: optionalId,
  messageId: z.string().min(1).max(200).optional(),
  timestamp: isoDate('timestamp'),
  /** When the client made the call by its own clock; corrected with `sentAt` (see parse.ts). */
  originalTimestamp: isoDate('originalTimestamp'),
  sentAt: isoDate('sentAt'),
  context: record.optional(),
  integrations: record.optional(),
};

const needsIdentity = <T extends { userId?: string; anonymousId?: string }>(event: T, ctx: z.RefinementCtx) => {
  if (!event.userId && !event.anonymousId) {
    ctx.addIssue({ code: 'custom', path: ['userId'], message: 'userId or anonymousId is required' });
  }
};

/** A profile's traits: `email`, and the ones the engine reads (`timezone`, `locale`), checked; the rest as sent. */
const traits = z
  .object({ email: z.email('invalid email').optional() })
  .catchall(z.unknown())
  .superRefine((values, ctx) => {
    for (const { trait, message } of traitProblems(values)) ctx.addIssue({ code: 'custom', path: [trait], message });
  })
  .default({});

export const identifySchema = z.object({ ...common, traits }).superRefine(needsIdentity);

export const trackSchema = z
  .object({
    ...common,
    event: z.string({ message: 'event is required: name the action, e.g. "Order Completed"' }).trim().min(1, 'event is required'),
    properties: record.default({}),
  })
  .superRefine(needsIdentity);

/** page and screen: every field but the ids optional, as in Segment's spec. */
const viewSchema = z
  .object({
    ...common,
    name: z.string().nullish().transform((value) => value ?? undefined),
    category: z.string().nullish().transform((value) => value ?? undefined),
    properties: record.default({}),
  })
  .superRefine(needsIdentity);

export const pageSchema = viewSchema;
export const screenSchema = viewSchema;

export const groupSchema = z.object({ ...common, groupId: requiredId('groupId'), traits: record.default({}) }).superRefine(needsIdentity);

export const aliasSchema = z.object({ ...common, userId: requiredId('userId'), previousId: requiredId('previousId') });

export const callSchemas = {
  identify: identifySchema,
  track: trackSchema,
  page: pageSchema,
  screen: screenSchema,
  group: groupSchema,
  alias: aliasSchema,
} as const;

export type CallType = keyof typeof callSchemas;
export const callTypes = Object.keys(callSchemas) as CallType[];

/** Segment's limits: https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/#max-request-size */
export const maxBatchSize = 2500;
export const maxCallBytes = 32 * 1024;
export const maxBatchBytes = 500 * 1024;
// A value cannot be bigger than the call that holds it; named on its own so the message points at it.
export const maxValueBytes = maxCallBytes;

export type IncomingEvent = { [K in CallType]: { type: K } & z.infer<(typeof callSchemas)[K]> }[CallType];
