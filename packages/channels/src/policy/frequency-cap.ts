import { and, eq, gt, journeys, messages, ne, or, sql, type Database, type Transaction } from '@tend/db';
import type { FrequencyCap } from '@tend/journey';
import type { Channel } from '../ledger.js';
import { baseKey, countsAsMarketing, journeyOfMessage, message, rank, toContactOn, writtenAt } from './ledger-terms.js';
import type { QueuedMessage } from './priority.js';

const dayMs = 86_400_000;

/** How soon a message held by a send still in flight, or by one that goes first, asks again. */
export const recheckMs = 60_000;

export interface CapRoom {
  /** How many more marketing messages the cap lets go now (0 when it holds the next one). */
  room: number;
  /** When it lets the next one go; null: now. */
  freedAt: Date | null;
  /** A message of a higher priority than `priority` that took a slot after this one was first held: why it waits longer. */
  overtakenBy: QueuedMessage | null;
}

/**
 * How much room a frequency cap leaves for the next marketing message of `channel` to the
 * contact. Counts the marketing messages the ledger sent the contact in the window and those an
 * attempt is sending right now (`sending`, claimed: about to be sent), so two sends cannot both
 * take the last slot; the caller counts and claims under `lockCapCount`. With `onlyJourney`, only
 * that journey's messages count (its own cap). Test sends and transactional ones do not count; a
 * push counts once, and never against the send being checked. When the cap is full, the next
 * message may go once the send whose leaving the window brings the count under the cap has left
 * it; if that send is still in flight (it may yet fail), it asks again in a minute.
 */
export async function capRoom(
  db: Database | Transaction,
  query: { workspaceId: string; contactId: string; channel: Channel; idempotencyKey: string; now: Date; cap: FrequencyCap; onlyJourney?: string; priority?: number },
): Promise<CapRoom> {
  const windowMs = query.cap.perDays * dayMs;
  const firstSentAt = sql`min(${messages.sentAt})`;
  const sends = await db
    .select({
      firstSentAt: sql<Date | null>`${firstSentAt}`.mapWith((value: string | Date) => new Date(value)),
      priority: sql<number>`max(${rank})`.mapWith(Number),
      writtenAfter: sql<boolean>`min(${messages.createdAt}) > ${writtenAt(query.idempotencyKey)}`,
      journeyId: messages.journeyId,
      journeyName: journeys.name,
    })
    .from(messages)
    .leftJoin(journeys, journeyOfMessage)
    .where(
      and(
        toContactOn(query),
        query.onlyJourney === undefined ? undefined : eq(messages.journeyId, query.onlyJourney),
        countsAsMarketing,
        or(
          and(eq(messages.status, 'sent'), gt(messages.sentAt, new Date(query.now.getTime() - windowMs))),
          // The lease is in the database's clock, like the claim that set it.
          sql`${messages.status} = 'sending' and ${messages.claimedUntil} > now()`,
        ),
        ne(message, baseKey(query.idempotencyKey)),
      ),
    )
    .groupBy(message, messages.journeyId, journeys.name)
    // A send in flight (no sent_at yet) is sent about now: after every one sent.
    .orderBy(sql`${firstSentAt} asc nulls last`);
  if (sends.length < query.cap.count) return { room: query.cap.count - sends.length, freedAt: null, overtakenBy: null };
  // The send whose leaving the window brings the count under the cap (the oldest, unless the cap was lowered).
  const freeing = sends[sends.length - query.cap.count]!;
  const freedAt = freeing.firstSentAt ? freeing.firstSentAt.getTime() + windowMs : query.now.getTime() + recheckMs;
  const mine = query.priority;
  const overtaking = mine === undefined ? [] : sends.filter((send) => send.writtenAfter && send.priority > mine).sort((a, b) => b.priority - a.priority);
  const [overtakenBy = null] = overtaking.map(({ journeyId, journeyName, priority }) => ({ journeyId, journeyName, priority }));
  return { room: 0, freedAt: new Date(freedAt), overtakenBy };
}

/**
 * Takes the contact's cap lock for one channel until the transaction ends. Without it, two sends
 * to one contact could both count the same free slot before either claims it: the count and
 * the claim that follows it are made under this lock (a transaction-scoped advisory lock, taken
 * only when a cap applies; on PGlite, whose transactions run alone anyway, it costs the call).
 */
export async function lockCapCount(tx: Transaction, contactId: string, channel: Channel): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`frequency-cap:${contactId}:${channel}`}))`);
}
