import { randomUUID } from 'node:crypto';
import { and, eq, events, inArray, newId, type Database, type Transaction } from '@tend/db';
import type { RoutableEvent } from '@tend/routing';
import { joinAccount, linkAlias } from './accounts-and-aliases.js';
import { claimContacts, type ClaimedContact } from './contacts-for-batch.js';
import { eventFields } from './event-fields.js';
import type { IncomingEvent } from './schemas.js';

/** An event as stored; `duplicate` is true when its messageId was seen before (a client's retry). */
export interface StoredEvent extends RoutableEvent {
  workspaceId: string;
}

/**
 * Stores a batch of events and the profile changes they carry in one transaction: either all
 * of it is stored or none. A messageId seen before — stored earlier, or earlier in this batch —
 * is recognised and not applied again. The work is set-based (a few statements per batch, not
 * per event), with the results storing the calls one by one in order would give.
 */
export async function storeEvents(db: Database, workspaceId: string, incoming: IncomingEvent[]): Promise<StoredEvent[]> {
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

async function storeBatch(tx: Transaction, workspaceId: string, incoming: IncomingEvent[]): Promise<StoredEvent[]> {
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

  const claimed = await contactsOf(tx, workspaceId, fresh.map((i) => incoming[i]!));
  const rows = fresh.map((i, k) => eventRow(workspaceId, incoming[i]!, messageIds[i]!, claimed[k]!));
  await insertEvents(tx, rows);

  const stored = new Map(fresh.map((i, k) => [i, { ...rows[k]!, duplicate: false }]));
  return messageIds.map((messageId, i) => stored.get(i) ?? { ...(seen.get(messageId) ?? stored.get(firstCopy.get(messageId)!)!), duplicate: true });
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
 * Each call's contact, in order. Runs of identify, track, page, screen and group calls are
 * claimed together; an alias (rare) changes whom later calls name, so it is applied on its
 * own, between the runs before and after it.
 */
async function contactsOf(tx: Transaction, workspaceId: string, calls: IncomingEvent[]): Promise<ClaimedContact[]> {
  const claimed: ClaimedContact[] = [];
  let run: Exclude<IncomingEvent, { type: 'alias' }>[] = [];
  const claimRun = async () => {
    const found = await claimContacts(
      tx,
      workspaceId,
      run.map((call) => ({ userId: call.userId, anonymousId: call.anonymousId, traits: call.type === 'identify' ? call.traits : {} })),
    );
    // Accounts' traits are merged in call order, as one by one.
    for (const [k, call] of run.entries()) {
      if (call.type === 'group') await joinAccount(tx, workspaceId, call.groupId, call.traits, found[k]!.contactId);
    }
    claimed.push(...found);
    run = [];
  };
  for (const call of calls) {
    if (call.type !== 'alias') {
      run.push(call);
      continue;
    }
    await claimRun();
    claimed.push(await linkAlias(tx, workspaceId, call));
  }
  await claimRun();
  return claimed;
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

/** Postgres takes at most this many bind parameters in one statement. */
const maxBindParameters = 65_535;

/** The events in multi-row INSERTs, as many rows a statement as the parameter limit allows. */
async function insertEvents(tx: Transaction, rows: ReturnType<typeof eventRow>[]): Promise<void> {
  if (rows.length === 0) return;
  const perStatement = Math.floor(maxBindParameters / Object.keys(rows[0]!).length);
  for (let start = 0; start < rows.length; start += perStatement) await tx.insert(events).values(rows.slice(start, start + perStatement));
}
