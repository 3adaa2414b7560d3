import { randomUUID } from 'node:crypto';
import { claimAnonymousId, giveAnonymousIds, type MergeOutcome, type NewerOf, type RunToEnd } from '@tend/audience';
import { and, eq, events, textIn, type Database, type Transaction } from '@tend/db';
import type { RoutableEvent } from '@tend/routing';
import { joinAccount, linkAlias } from './accounts-and-aliases.js';
import { BatchIdentities } from './batch-identities.js';
import { claimContacts, type ClaimedContact } from './contacts-for-batch.js';
import { eventRow, insertEvents, type EventRow } from './event-rows.js';
import { contactsIfAllKnown, type NewCall } from './known-contacts.js';
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
 * Stores a batch of events and the profile changes they carry atomically (one statement, or one
 * transaction): either all of it is stored or none. A messageId seen before — stored earlier,
 * or earlier in this batch — is recognised and not applied again. The work is set-based (a few
 * statements per batch, not per event), with the results storing the calls one by one in order
 * would give, merges included: a call with a userId and an anonymousId an anonymous-only contact
 * holds merges that contact into the userId's, and an alias merges as it says (see
 * @tend/audience identity).
 */
export async function storeCalls(db: Database, workspaceId: string, incoming: IncomingEvent[]): Promise<StoredBatch> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await storeNewCalls(db, workspaceId, incoming);
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

/** What storing found: the calls stored before (by messageId), and the new ones' rows, with their indexes in the batch. */
interface NewlyStored {
  seen: Map<string, StoredRow>;
  fresh: number[];
  rows: EventRow[];
  merges: MergeOutcome[];
}

/** Stores the batch's calls not stored before, and returns every call as stored, in order. */
async function storeNewCalls(db: Database, workspaceId: string, incoming: IncomingEvent[]): Promise<StoredBatch> {
  const messageIds = incoming.map((event) => event.messageId ?? `tend-${randomUUID()}`);
  // A messageId twice in one batch: the first copy is stored, the later ones are duplicates of it.
  const firstCopy = new Map<string, number>();
  messageIds.forEach((messageId, i) => {
    if (!firstCopy.has(messageId)) firstCopy.set(messageId, i);
  });
  const firsts = [...firstCopy.values()].map((index) => ({ index, call: incoming[index]!, messageId: messageIds[index]! }));

  const known = await contactsIfAllKnown(db, workspaceId, firsts);
  const { seen, fresh, rows, merges } = known ? await storeKnownContactsEvents(db, workspaceId, firsts, known) : await claimAndStore(db, workspaceId, firsts);

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

/**
 * Events of known contacts that change no profile: one INSERT that skips the messageIds stored
 * before (a retry applies nothing else), then a read of those it skipped, if any.
 */
async function storeKnownContactsEvents(db: Database, workspaceId: string, calls: IndexedCall[], contactIds: string[]): Promise<NewlyStored> {
  const candidates = calls.map(({ call, messageId }, k) => eventRow(workspaceId, call, messageId, { contactId: contactIds[k]!, created: false }));
  const inserted = await insertEvents(db, candidates, { skipStored: true });
  const seen = await storedBefore(
    db,
    workspaceId,
    candidates.filter((row) => !inserted.has(row.id)).map((row) => row.messageId),
  );
  const fresh = calls.filter((_, k) => inserted.has(candidates[k]!.id)).map((call) => call.index);
  return { seen, fresh, rows: candidates.filter((row) => inserted.has(row.id)), merges: [] };
}

/**
 * Any other batch: leaves out the calls stored before (read outside the transaction: at READ
 * COMMITTED a read inside it sees the same), then, in a transaction, claims the rest's contacts
 * in call order, storing each run of calls' events as soon as its contacts are known, so a later
 * merge in the batch moves them as one by one.
 */
async function claimAndStore(db: Database, workspaceId: string, calls: IndexedCall[]): Promise<NewlyStored> {
  const given = calls.filter(({ call }) => call.messageId !== undefined).map(({ messageId }) => messageId);
  const seen = await storedBefore(db, workspaceId, given);
  const fresh = calls.filter(({ messageId }) => !seen.has(messageId));
  return db.transaction(async (tx) => {
    const rows: EventRow[] = [];
    const merges = await claimInOrder(tx, workspaceId, fresh, async (claimed) => {
      const next = claimed.map((contact, j) => eventRow(workspaceId, fresh[rows.length + j]!.call, fresh[rows.length + j]!.messageId, contact));
      await insertEvents(tx, next);
      rows.push(...next);
    });
    return { seen, fresh: fresh.map((call) => call.index), rows, merges };
  });
}

type StoredRow = typeof events.$inferSelect;

/** A call not stored before, with its place in the batch. */
type IndexedCall = NewCall & { index: number };

/** The events stored under these messageIds, in one SELECT (none when there are none to look for). */
async function storedBefore(db: Database, workspaceId: string, messageIds: string[]): Promise<Map<string, StoredRow>> {
  if (messageIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(events)
    .where(and(eq(events.workspaceId, workspaceId), textIn(events.messageId, messageIds)));
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
  calls: NewCall[],
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
