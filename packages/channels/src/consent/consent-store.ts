import { and, consentChanges, consents, desc, eq, inArray, or, sql, suppressions, type Database, type Transaction } from '@tend/db';

export type ConsentChannel = 'email' | 'sms' | 'push';
export type ConsentStatus = 'subscribed' | 'unsubscribed';
/** Where a change of a contact's subscription state came from: kept on every change. */
export type ConsentSource = 'form' | 'one-click' | 'preference-page' | 'import' | 'api' | 'sms-keyword' | 'bounce' | 'complaint' | 'console';
export type SuppressionReason = 'hard-bounce' | 'complaint' | 'invalid-number' | 'unsubscribed';

export interface ConsentChange {
  workspaceId: string;
  contactId: string;
  channel: ConsentChannel;
  /** A subscription topic's id; '' (the default) for every marketing message of the channel. */
  topic?: string;
  status: ConsentStatus;
  source: ConsentSource;
  detail?: Record<string, unknown>;
}

/**
 * Sets a contact's subscription state for a channel and topic, and records the change with its
 * source and time (the consent audit), in one transaction. Setting the state it already has
 * records nothing.
 */
export async function setConsent(db: Database, change: ConsentChange): Promise<{ changed: boolean }> {
  const topic = change.topic ?? '';
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: consents.status })
      .from(consents)
      .where(ofConsent(change.workspaceId, change.contactId, change.channel, topic));
    if (current?.status === change.status) return { changed: false };
    await tx
      .insert(consents)
      .values({ workspaceId: change.workspaceId, contactId: change.contactId, channel: change.channel, topic, status: change.status, source: change.source })
      .onConflictDoUpdate({
        target: [consents.workspaceId, consents.contactId, consents.channel, consents.topic],
        set: { status: change.status, source: change.source, updatedAt: new Date() },
      });
    await tx.insert(consentChanges).values({ ...change, topic, detail: change.detail ?? null });
    return { changed: true };
  });
}

/** The contact's stated subscription states on a channel, by topic ('' = the whole channel); absent: never stated. */
export async function consentsOf(db: Database | Transaction, workspaceId: string, contactId: string, channel: ConsentChannel): Promise<Map<string, ConsentStatus>> {
  const rows = await db
    .select({ topic: consents.topic, status: consents.status })
    .from(consents)
    .where(and(eq(consents.workspaceId, workspaceId), eq(consents.contactId, contactId), eq(consents.channel, channel)));
  return new Map(rows.map((row) => [row.topic, row.status]));
}

/** The consent audit of a contact, oldest first (so each change's previous state is the one before it): what the contact page shows. */
export async function consentHistory(db: Database, workspaceId: string, contactId: string) {
  return db
    .select()
    .from(consentChanges)
    .where(and(eq(consentChanges.workspaceId, workspaceId), eq(consentChanges.contactId, contactId)))
    // Changes made in one transaction share its time: the id keeps their order.
    .orderBy(consentChanges.at, consentChanges.id);
}

/** Stops every send to an address on a channel (a hard bounce, a complaint, an invalid number). Idempotent. */
export async function suppress(
  db: Database | Transaction,
  entry: { workspaceId: string; channel: ConsentChannel; address: string; reason: SuppressionReason; source: string; detail?: Record<string, unknown> },
): Promise<void> {
  await db
    .insert(suppressions)
    .values({ ...entry, address: normalisedAddress(entry.channel, entry.address), detail: entry.detail ?? null })
    .onConflictDoNothing();
}

/** Why an address is suppressed on a channel, or null. */
export async function suppressionOf(db: Database | Transaction, workspaceId: string, channel: ConsentChannel, address: string): Promise<SuppressionReason | null> {
  const [row] = await db
    .select({ reason: suppressions.reason })
    .from(suppressions)
    .where(and(eq(suppressions.workspaceId, workspaceId), eq(suppressions.channel, channel), inArray(suppressions.address, [normalisedAddress(channel, address)])));
  return row?.reason ?? null;
}

export type Suppression = typeof suppressions.$inferSelect;

/**
 * The workspace's suppressed addresses, newest first, `limit` from `offset` (a list that seldom
 * changes, so offsets are stable enough), narrowed to a channel and to addresses containing
 * `search` (without case). `more` says whether another page follows.
 */
export async function listSuppressions(
  db: Database | Transaction,
  workspaceId: string,
  query: { channel?: ConsentChannel; search?: string; offset: number; limit: number },
): Promise<{ suppressions: Suppression[]; more: boolean }> {
  const search = query.search?.trim().toLowerCase();
  const rows = await workspaceSuppressions(
    db,
    workspaceId,
    query.channel ? eq(suppressions.channel, query.channel) : undefined,
    search ? sql`strpos(lower(${suppressions.address}), ${search}::text) > 0` : undefined,
  )
    .orderBy(desc(suppressions.createdAt), suppressions.channel, suppressions.address)
    .offset(query.offset)
    .limit(query.limit + 1);
  return { suppressions: rows.slice(0, query.limit), more: rows.length > query.limit };
}

/** The suppression of each of these addresses (a contact's email and phone) or null, in their order, each found as `suppress` stored it. */
export async function suppressionsOf(
  db: Database | Transaction,
  workspaceId: string,
  addresses: readonly { channel: ConsentChannel; address: string }[],
): Promise<(Suppression | null)[]> {
  if (addresses.length === 0) return [];
  const rows = await workspaceSuppressions(
    db,
    workspaceId,
    or(...addresses.map(({ channel, address }) => and(eq(suppressions.channel, channel), eq(suppressions.address, normalisedAddress(channel, address))))),
  );
  return addresses.map(({ channel, address }) => rows.find((row) => row.channel === channel && row.address === normalisedAddress(channel, address)) ?? null);
}

/** The workspace's suppressions that meet every condition given (an undefined one is left out). */
function workspaceSuppressions(db: Database | Transaction, workspaceId: string, ...conditions: Parameters<typeof and>) {
  return db
    .select()
    .from(suppressions)
    .where(and(eq(suppressions.workspaceId, workspaceId), ...conditions));
}

/**
 * Lets sends reach an address again (a bounced mailbox that was fixed); the removed entry, or
 * null when there was none. A contact's unsubscribe is their consent, not this: it stays.
 */
export async function removeSuppression(db: Database | Transaction, workspaceId: string, channel: ConsentChannel, address: string): Promise<Suppression | null> {
  const [removed] = await db
    .delete(suppressions)
    .where(and(eq(suppressions.workspaceId, workspaceId), eq(suppressions.channel, channel), eq(suppressions.address, normalisedAddress(channel, address))))
    .returning();
  return removed ?? null;
}

/** Emails compare without case; numbers are E.164 already. */
export function normalisedAddress(channel: ConsentChannel, address: string): string {
  return channel === 'email' ? address.trim().toLowerCase() : address.trim();
}

function ofConsent(workspaceId: string, contactId: string, channel: ConsentChannel, topic: string) {
  return and(eq(consents.workspaceId, workspaceId), eq(consents.contactId, contactId), eq(consents.channel, channel), eq(consents.topic, topic));
}
