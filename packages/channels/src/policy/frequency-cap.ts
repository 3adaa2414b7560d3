import { and, eq, gt, isNull, messages, ne, or, sql, type Database, type Transaction } from '@tend/db';
import type { Channel } from '../ledger.js';

const dayMs = 86_400_000;

/**
 * When a frequency cap lets the next marketing message of `channel` go to the contact, or null
 * when it may go now. Counts the marketing messages the ledger sent the contact in the window
 * (test sends and transactional ones do not count; a row without a purpose is from before
 * purposes and counts as marketing). A web push reaches each browser under its own row
 * (`<key>/push/<subscription>`): those count once, and never against the send being checked.
 */
export async function cappedUntil(
  db: Database | Transaction,
  query: { workspaceId: string; contactId: string; channel: Channel; idempotencyKey: string; now: Date; cap: { count: number; perDays: number } },
): Promise<Date | null> {
  const windowMs = query.cap.perDays * dayMs;
  const message = sql<string>`regexp_replace(${messages.idempotencyKey}, '/push/.*$', '')`;
  const sends = await db
    .select({ firstSentAt: sql<Date>`min(${messages.sentAt})`.mapWith((value: string | Date) => new Date(value)) })
    .from(messages)
    .where(
      and(
        eq(messages.workspaceId, query.workspaceId),
        eq(messages.contactId, query.contactId),
        eq(messages.channel, query.channel),
        eq(messages.status, 'sent'),
        eq(messages.test, false),
        or(eq(messages.purpose, 'marketing'), isNull(messages.purpose)),
        gt(messages.sentAt, new Date(query.now.getTime() - windowMs)),
        ne(message, baseKey(query.idempotencyKey)),
      ),
    )
    .groupBy(message)
    .orderBy(sql`min(${messages.sentAt})`);
  if (sends.length < query.cap.count) return null;
  // The send whose leaving the window brings the count under the cap (the oldest, unless the cap was lowered).
  const freeing = sends[sends.length - query.cap.count]!;
  return new Date(freeing.firstSentAt.getTime() + windowMs);
}

function baseKey(idempotencyKey: string): string {
  return idempotencyKey.replace(/\/push\/.*$/, '');
}
