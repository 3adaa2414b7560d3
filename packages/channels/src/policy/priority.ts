import { and, asc, desc, eq, gt, journeys, lte, messages, ne, sql, type Database, type Transaction } from '@tend/db';
import type { Channel } from '../ledger.js';
import { baseKey, countsAsMarketing, journeyOfMessage, message, rank, toContactOn, writtenAt } from './ledger-terms.js';

/** A message held until this close to now is due with the one being checked (retries land milliseconds apart). */
const dueWithin = 60_000;
/** A message whose retry has not come this long after it was due is presumed gone (its run ended): it holds nothing back. */
const abandonedAfter = 5 * 60_000;

/** Another marketing message to the contact, as the priority queue sees it. */
export interface QueuedMessage {
  journeyId: string | null;
  /** The journey's name, when it still exists. */
  journeyName: string | null;
  priority: number;
}

/**
 * The marketing messages to the contact on this channel that go before this one when a cap has
 * room for only some of them: those held until about now (due together, e.g. both waited for
 * the same slot or the end of the same night) whose journey's priority is higher, or equal and
 * whose row was written first. Messages being sent right now took their slot already (the cap
 * counts them). First in line first, at most `limit` (the room left: that many ahead and this
 * one cannot go). One query on the contact's messages of the channel (index contact, channel).
 */
export async function aheadInLine(
  db: Database | Transaction,
  query: { workspaceId: string; contactId: string; channel: Channel; idempotencyKey: string; now: Date; priority: number; limit: number },
): Promise<QueuedMessage[]> {
  const own = baseKey(query.idempotencyKey);
  const priority = sql<number>`max(${rank})`.mapWith(Number);
  return db
    .select({ journeyId: messages.journeyId, journeyName: journeys.name, priority })
    .from(messages)
    .leftJoin(journeys, journeyOfMessage)
    .where(
      and(
        toContactOn(query),
        eq(messages.status, 'deferred'),
        countsAsMarketing,
        lte(messages.deferredUntil, new Date(query.now.getTime() + dueWithin)),
        gt(messages.deferredUntil, new Date(query.now.getTime() - abandonedAfter)),
        ne(message, own),
        sql`(${rank} > ${query.priority} or (${rank} = ${query.priority} and (${messages.createdAt}, ${message}) < (${writtenAt(query.idempotencyKey)}, ${own}::text)))`,
      ),
    )
    .groupBy(message, messages.journeyId, journeys.name)
    .orderBy(desc(priority), asc(sql`min(${messages.createdAt})`))
    .limit(query.limit);
}

/**
 * Why a message waits for the first one ahead of it. A noun phrase like the policy's other
 * reasons, since the trail reads "held until T by …" and a skip "held by …; the step skips…".
 */
export function aheadReason(first: QueuedMessage, priority: number): string {
  return first.priority > priority
    ? `a higher-priority message ${fromJourney(first)} (${first.priority} over ${priority}), which goes first`
    : `an earlier message of the same priority (${priority}) ${fromJourney(first)}, which goes first`;
}

/** What took the cap's slot from a message that waited for it: appended to the cap's reason. */
export function overtakenReason(by: QueuedMessage, priority: number): string {
  return `filled first by a higher-priority message ${fromJourney(by)} (${by.priority} over ${priority})`;
}

function fromJourney(queued: QueuedMessage): string {
  const journey = queued.journeyName ?? queued.journeyId;
  return journey ? `from journey "${journey}"` : 'from outside a journey';
}
