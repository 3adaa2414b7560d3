import { z } from 'zod';

/** Segment's event shapes. Unknown fields (context, integrations…) are accepted and ignored. */
/** Segment libraries send the id they lack as null (analytics-python does on every call). */
const optionalId = z
  .union([z.string().min(1), z.number()])
  .nullish()
  .transform((value) => (value == null ? undefined : String(value)));

const identity = {
  userId: optionalId,
  anonymousId: optionalId,
  messageId: z.string().min(1).max(200).optional(),
  timestamp: z.iso.datetime({ offset: true, message: 'invalid timestamp: use ISO 8601, e.g. 2026-11-23T09:00:00Z' }).optional(),
};

const needsIdentity = <T extends { userId?: string; anonymousId?: string }>(event: T, ctx: z.RefinementCtx) => {
  if (!event.userId && !event.anonymousId) {
    ctx.addIssue({ code: 'custom', path: ['userId'], message: 'userId or anonymousId is required' });
  }
};

const traits = z
  .object({ email: z.email('invalid email').optional() })
  .catchall(z.unknown())
  .default({});

export const identifySchema = z.object({ ...identity, traits }).superRefine(needsIdentity);

export const trackSchema = z
  .object({
    ...identity,
    event: z.string({ message: 'event is required: name the action, e.g. "Order Completed"' }).trim().min(1, 'event is required'),
    properties: z.record(z.string(), z.unknown()).default({}),
  })
  .superRefine(needsIdentity);

export const maxBatchSize = 1000;

// Size caps (serialized JSON), so one client cannot fill a contact's row or the events table
// with megabytes per call. Checked in parse.ts.
export const maxValueBytes = 32 * 1024;
export const maxCallBytes = 512 * 1024;
export const maxBatchBytes = 4 * 1024 * 1024;

export type IdentifyCall = z.infer<typeof identifySchema>;
export type TrackCall = z.infer<typeof trackSchema>;
export type IncomingEvent = ({ type: 'identify' } & IdentifyCall) | ({ type: 'track' } & TrackCall);
