import { eq, messagePolicies, type Database, type Transaction } from '@tend/db';
import { frequencyCapSchema, isValidTimeZone, parseTimeOfDay } from '@tend/journey';
import { z } from 'zod';

const timeOfDay = z.string().refine((text) => parseTimeOfDay(text) !== null, { message: 'write a time of day as HH:MM (24 hours), e.g. 21:00' });

const channelPolicy = (requireOptIn: boolean) =>
  z
    .object({
      /** Marketing needs the contact's explicit "subscribed" on the channel (or the topic); else only an unsubscribe stops it. */
      requireOptIn: z.boolean().default(requireOptIn),
      /** No cap when absent. The same shape as a journey's own caps (its settings). */
      cap: frequencyCapSchema.nullable().default(null),
    })
    .prefault({});

/**
 * A workspace's message policy, as stored in `message_policies.policy`. Every field has a
 * default, so `{}` (or no row) is the policy of a new workspace: no caps, no quiet hours,
 * marketing on every channel to everyone who has not unsubscribed (a STOP reply, a one-click
 * link, the preference page). Where the law asks for prior consent to marketing texts (the US
 * TCPA, for one), set `sms.requireOptIn`: only contacts recorded as subscribed (the console, the
 * API, an import, a START reply) are then texted. It is not the default because a shop's events
 * carry no opt-in yet, so every marketing text of an upgraded workspace would stop at once.
 */
export const messagePolicySchema = z.object({
  email: channelPolicy(false),
  sms: channelPolicy(false),
  push: channelPolicy(false),
  /** Hours in the contact's time zone when marketing on these channels waits; none by default. */
  quietHours: z
    .object({
      start: timeOfDay,
      end: timeOfDay,
      channels: z.array(z.enum(['email', 'sms', 'push'])).min(1, 'name at least one channel quiet hours apply to').default(['sms', 'push']),
      /** The zone of a contact whose `timezone` trait is missing or unknown. */
      defaultTimeZone: z.string().refine(isValidTimeZone, { message: 'use an IANA time zone such as Europe/London' }).default('UTC'),
    })
    .refine((hours) => hours.start !== hours.end, { message: 'quiet hours need a start and an end that differ', path: ['end'] })
    .nullable()
    .default(null),
});

export type MessagePolicy = z.infer<typeof messagePolicySchema>;
export type MessagePolicyInput = z.input<typeof messagePolicySchema>;

/** The workspace's policy with its defaults filled in (a stored policy was validated when saved). */
export async function policyOf(db: Database | Transaction, workspaceId: string): Promise<MessagePolicy> {
  const [row] = await db.select({ policy: messagePolicies.policy }).from(messagePolicies).where(eq(messagePolicies.workspaceId, workspaceId));
  return messagePolicySchema.parse(row?.policy ?? {});
}

/** Validates and stores the workspace's policy (a ZodError names each wrong field); returns it with defaults filled in. */
export async function savePolicy(db: Database | Transaction, workspaceId: string, input: unknown): Promise<MessagePolicy> {
  const policy = messagePolicySchema.parse(input);
  await db
    .insert(messagePolicies)
    .values({ workspaceId, policy })
    .onConflictDoUpdate({ target: messagePolicies.workspaceId, set: { policy, updatedAt: new Date() } });
  return policy;
}
