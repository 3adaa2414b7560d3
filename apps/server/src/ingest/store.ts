import { randomUUID } from 'node:crypto';
import { claimAnonymousId, giveAnonymousIds, type MergeOutcome, type NewerOf, type RunToEnd } from '@tend/audience';
import { and, eq, events, inArray, newId, sql, type Database, type Transaction } from '@tend/db';
import type { RoutableEvent } from '@tend/routing';
import { joinAccount, linkAlias } from './accounts-and-aliases.js';
import { BatchIdentities } from './batch-identities.js';
import { claimContacts, type ClaimedContact } from './contacts-for-batch.js';
import { eventFields } from './event-fields.js';
import type { IncomingEvent } from './schemas.js';

/** An event as stored; `duplicate` is true when its messageId was seen before (a client's retry). */
export interface StoredEvent extends RoutableEvent {
  workspaceId: string;
}

/** A stored batch: its events in call order, and the profiles its calls showed to be one person. */
export interface StoredBatch {
  events: StoredEvent[];
  merges: MergeOutcome[];
  /**
   * The merged-away contacts' journey runs, already recorded as stopped: once the batch is
   * committed, the caller tells Temporal to end them (routing's remove signal, with the reason).
   */
  endRuns: RunToEnd[];
}

/**
 * Stores a batch of events and the profile changes they carry in one transaction: either all
 * of it is stored or none. A messageId seen before — stored earlier, or earlier in this batch —
 * is recognised and not applied again. The work is set-based (a few statements per batch, not
 * per event), with the results storing the calls one by one in order would give, merges
 * included: a call with a userId and an anonymousId an anonymous-only contact holds merges that
 * contact into the userId's, and an alias merges as it says (see @tend/audience identity).
 */
export async function storeCalls(db: Database, workspaceId: string, incoming: IncomingEvent[]): Promise<StoredBatch> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((tx) => storeBatch(tx, workspaceId, incoming));
    } catch (error) {
      // Two concurrent calls stored the same message or linked the same user: run again and find theirs.
      if (attempt >= 3 || !isUniqueViolation(error)) throw error;
    }
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let current = error; current instanceof Error || (current && typeof current === 'object'); ) {
    if ((current as { code?: string }).code === '23505') return true;
    current = (current as { cause?: unknown }).cause;
    if (!current) break;
  }
  return false;
}

async function storeBatch(tx: Transaction, workspaceId: string, incoming: IncomingEvent[]): Promise<StoredBatch> {
  const messageIds = incoming.map((event) => event.messageId ?? `tend-${randomUUID()}`);
  const seen = await storedBefore(tx, workspaceId, incoming);
  // A messageId twice in one batch: the first copy is stored, the later ones are duplicates of it.
  const firstCopy = new Map<string, number>();
  const fresh: number[] = [];
  messageIds.forEach((messageId, i) => {
    if (seen.has(messageId) || firstCopy.has(messageId)) return;
    firstCopy.set(messageId, i);
    fresh.push(i);
  });

  // Each run of calls' events is stored as soon as its contacts are known, so a later merge in the batch moves them as one by one.
  const rows: ReturnType<typeof eventRow>[] = [];
  const calls = fresh.map((i) => ({ call: incoming[i]!, messageId: messageIds[i]! }));
  const merges = await claimInOrder(tx, workspaceId, calls, async (claimed) => {
    const next = claimed.map((contact, j) => eventRow(workspaceId, calls[rows.length + j]!.call, calls[rows.length + j]!.messageId, contact));
    await insertEvents(tx, next);
    rows.push(...next);
  });

  // A contact claimed earlier in the batch may have been merged away since: its events are the kept contact's now.
  const mergedInto = new Map(merges.map((merge) => [merge.from, merge.into]));
  const kept = (id: string): string => (mergedInto.has(id) ? kept(mergedInto.get(id)!) : id);
  const stored = new Map(fresh.map((i, k) => [i, { ...rows[k]!, contactId: kept(rows[k]!.contactId), duplicate: false }]));
  return {
    events: messageIds.map((messageId, i) => stored.get(i) ?? { ...(seen.get(messageId) ?? stored.get(firstCopy.get(messageId)!)!), duplicate: true }),
    merges,
    endRuns: merges.flatMap((merge) => merge.endRuns),
  };
}

/** The batch's messageIds already stored, in one SELECT. */
async function storedBefore(tx: Transaction, workspaceId: string, incoming: IncomingEvent[]) {
  const given = [...new Set(incoming.flatMap((event) => (event.messageId === undefined ? [] : [event.messageId])))];
  if (given.length === 0) return new Map<string, typeof events.$inferSelect>();
  const rows = await tx
    .select()
    .from(events)
    .where(and(eq(events.workspaceId, workspaceId), inArray(events.messageId, given)));
  return new Map(rows.map((row) => [row.messageId, row]));
}

/**
 * Finds or creates each call's contact, in order, handing them to `store` a run at a time, and
 * applies the merges the calls make. Runs of identify, track, page, screen and group calls are
 * claimed together. A call that changes whom later calls name is applied on its own, between
 * the runs before and after it: an alias, and a call whose userId and anonymousId merge two
 * contacts (both rare). A run's calls that give a known contact an anonymousId nobody holds
 * are applied together after it; a call naming that anonymousId alone starts a new run, so it
 * finds the contact that took it.
 */
async function claimInOrder(
  tx: Transaction,
  workspaceId: string,
  calls: { call: IncomingEvent; messageId: string }[],
  store: (claimed: ClaimedContact[]) => Promise<void>,
): Promise<MergeOutcome[]> {
  const identities = await BatchIdentities.read(
    tx,
    workspaceId,
    calls.map(({ call }) => call),
  );
  const merges: MergeOutcome[] = [];
  // Every profile this batch changes gets the transaction's one updated_at: which changed last
  // (what a merge's "newer traits win" reads) is known here, by call.
  const changedAt = new Map<string, number>();
  const newer: NewerOf = (from, into) => {
    if (!changedAt.has(from) && !changedAt.has(into)) return undefined;
    return (changedAt.get(from) ?? -1) > (changedAt.get(into) ?? -1) ? 'from' : 'into';
  };
  const merged = (merge: MergeOutcome | null, at: number) => {
    if (!merge) return;
    merges.push(merge);
    changedAt.delete(merge.from);
    changedAt.set(merge.into, at);
  };
  let run: { call: Exclude<IncomingEvent, { type: 'alias' }>; at: number }[] = [];
  let attaching: { userId: string; anonymousId: string }[] = [];
  const claimRun = async () => {
    const claims = run.map(({ call }) => ({ userId: call.userId, anonymousId: call.anonymousId, traits: call.type === 'identify' ? call.traits : {} }));
    const found = await claimContacts(tx, workspaceId, claims);
    for (const [k, { call, at }] of run.entries()) {
      // Accounts' traits are merged in call order, as one by one.
      if (call.type === 'group') await joinAccount(tx, workspaceId, call.groupId, call.traits, found[k]!.contactId);
      if (found[k]!.created || Object.keys(claims[k]!.traits).length > 0) changedAt.set(found[k]!.contactId, at);
    }
    await giveAnonymousIds(tx, workspaceId, attaching);
    if (found.length > 0) await store(found);
    run = [];
    attaching = [];
    return found;
  };
  for (const [at, { call, messageId }] of calls.entries()) {
    if (call.type === 'alias') {
      await claimRun();
      const { claimed, merge, changed } = await linkAlias(tx, workspaceId, call, { messageId, newer });
      await store([claimed]);
      if (changed) changedAt.set(claimed.contactId, at);
      merged(merge, at);
      await identities.refresh();
      continue;
    }
    const { userId, anonymousId } = call;
    if (!userId && anonymousId) {
      if (attaching.some((link) => link.anonymousId === anonymousId)) await claimRun();
      identities.namedAnonymously(anonymousId);
    }
    const need = userId && anonymousId ? identities.need(userId, anonymousId) : 'none';
    if (need !== 'merge') {
      if (need === 'attach') attaching.push({ userId: userId!, anonymousId: anonymousId! });
      run.push({ call, at });
      continue;
    }
    // The calls before are claimed first (they may create the anonymous contact), then this one alone.
    await claimRun();
    run.push({ call, at });
    const [claimed] = await claimRun();
    merged(await claimAnonymousId(tx, { workspaceId, contactId: claimed!.contactId, anonymousId: anonymousId!, via: call.type, messageId, newer }), at);
    identities.merged(userId!, anonymousId!);
  }
  await claimRun();
  return merges;
}

function eventRow(workspaceId: string, event: IncomingEvent, messageId: string, { contactId, created }: ClaimedContact) {
  const { name, properties } = eventFields(event);
  return {
    id: newId('ev'),
    workspaceId,
    messageId,
    type: event.type,
    name,
    contactId,
    properties,
    context: event.context ?? null,
    integrations: event.integrations ?? null,
    occurredAt: event.timestamp ? new Date(event.timestamp) : new Date(),
    createdContact: created,
  };
}

/**
 * The events in one INSERT of column arrays (`unnest`): eleven parameters whatever the batch's
 * size, where a multi-row VALUES list binds eleven per event. Building and sending that list took
 * more of the server's time than anything else it does for a batch (a CPU profile of /v1/batch).
 */
async function insertEvents(tx: Transaction, rows: ReturnType<typeof eventRow>[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <T>(value: (row: (typeof rows)[number]) => T) => sql.param(rows.map(value));
  const json = (value: Record<string, unknown> | null) => (value === null ? null : JSON.stringify(value));
  await tx.execute(sql`
    insert into ${events} (id, workspace_id, message_id, type, name, contact_id, properties, context, integrations, occurred_at, created_contact)
    select * from unnest(
      ${column((row) => row.id)}::text[], ${column((row) => row.workspaceId)}::text[], ${column((row) => row.messageId)}::text[],
      ${column((row) => row.type)}::text[], ${column((row) => row.name)}::text[], ${column((row) => row.contactId)}::text[],
      ${column((row) => json(row.properties))}::jsonb[], ${column((row) => json(row.context))}::jsonb[], ${column((row) => json(row.integrations))}::jsonb[],
      ${column((row) => row.occurredAt.toISOString())}::timestamptz[], ${column((row) => row.createdContact)}::boolean[]
    )`);
}
