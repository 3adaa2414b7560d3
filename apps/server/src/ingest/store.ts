import { randomUUID } from 'node:crypto';
import { accountMemberships, accounts, and, contactAliases, contacts, eq, events, isNull, newId, sql, type Database, type Transaction } from '@tend/db';
import type { RoutableEvent } from '@tend/routing';
import type { IncomingEvent } from './schemas.js';

/** An event as stored; `duplicate` is true when its messageId was seen before (a client's retry). */
export interface StoredEvent extends RoutableEvent {
  workspaceId: string;
}

/**
 * Stores a batch of events and the profile changes they carry in one transaction: either all
 * of it is stored or none. A messageId seen before is recognised and not applied again.
 */
export async function storeEvents(db: Database, workspaceId: string, incoming: IncomingEvent[]): Promise<StoredEvent[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const stored: StoredEvent[] = [];
        for (const event of incoming) stored.push(await storeOne(tx, workspaceId, event));
        return stored;
      });
    } catch (error) {
      // Two concurrent calls created the same contact or message: run again and find theirs.
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

async function storeOne(tx: Transaction, workspaceId: string, event: IncomingEvent): Promise<StoredEvent> {
  const messageId = event.messageId ?? `tend-${randomUUID()}`;
  const [seen] = await tx.select().from(events).where(and(eq(events.workspaceId, workspaceId), eq(events.messageId, messageId)));
  if (seen) return { ...seen, type: seen.type, duplicate: true };

  const traits = event.type === 'identify' ? event.traits : {};
  const { contactId, created } = event.type === 'alias' ? await linkAlias(tx, workspaceId, event) : await upsertContact(tx, workspaceId, event, traits);
  if (event.type === 'group') await joinAccount(tx, workspaceId, event.groupId, event.traits, contactId);
  const { name, properties } = stored(event);
  const row = {
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
  await tx.insert(events).values(row);
  return { ...row, duplicate: false };
}

/** What the events row keeps of each call: its name, and one object of properties. */
function stored(event: IncomingEvent): { name: string | null; properties: Record<string, unknown> } {
  switch (event.type) {
    case 'identify':
      return { name: null, properties: event.traits };
    case 'track':
      return { name: event.event, properties: event.properties };
    case 'page':
    case 'screen': {
      // url, path, title… are in properties as analytics.js sends them; server libraries put them in context.page.
      const page = event.context?.page;
      const fromContext = typeof page === 'object' && page !== null ? pick(page as Record<string, unknown>, pageFields) : {};
      const named = { ...(event.name === undefined ? {} : { name: event.name }), ...(event.category === undefined ? {} : { category: event.category }) };
      return { name: event.name ?? null, properties: { ...fromContext, ...event.properties, ...named } };
    }
    case 'group':
      return { name: null, properties: { ...event.traits, groupId: event.groupId } };
    case 'alias':
      return { name: null, properties: { previousId: event.previousId, userId: event.userId } };
  }
}

const pageFields = ['url', 'path', 'title', 'referrer', 'search'];

function pick(values: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => values[key] !== undefined).map((key) => [key, values[key]]));
}

/** group: the account's traits merged into what it had, and the contact a member of it. */
async function joinAccount(tx: Transaction, workspaceId: string, accountId: string, traits: Record<string, unknown>, contactId: string): Promise<void> {
  await tx
    .insert(accounts)
    .values({ workspaceId, id: accountId, traits })
    .onConflictDoUpdate({
      target: [accounts.workspaceId, accounts.id],
      set: { traits: sql`${accounts.traits} || excluded.traits`, updatedAt: new Date() },
    });
  await tx.insert(accountMemberships).values({ workspaceId, accountId, contactId }).onConflictDoNothing();
}

/**
 * alias: recorded as received, and a simple identity link: an anonymous contact known by
 * `previousId` that has no userId yet takes `userId`. Two contacts that both exist are not
 * merged (identity merging is later work); the event goes to the `userId` contact.
 */
async function linkAlias(tx: Transaction, workspaceId: string, event: Extract<IncomingEvent, { type: 'alias' }>): Promise<{ contactId: string; created: boolean }> {
  await tx.insert(contactAliases).values({ workspaceId, previousId: event.previousId, userId: event.userId }).onConflictDoNothing();
  const [known] = await tx.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.userId, event.userId)));
  if (known) return { contactId: known.id, created: false };
  const [anonymous] = await tx
    .update(contacts)
    .set({ userId: event.userId, updatedAt: new Date() })
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.anonymousId, event.previousId), isNull(contacts.userId)))
    .returning({ id: contacts.id });
  if (anonymous) return { contactId: anonymous.id, created: false };
  return upsertContact(tx, workspaceId, { userId: event.userId, anonymousId: undefined }, {});
}

async function upsertContact(
  tx: Transaction,
  workspaceId: string,
  event: { userId?: string; anonymousId?: string },
  traits: Record<string, unknown>,
): Promise<{ contactId: string; created: boolean }> {
  const email = typeof traits.email === 'string' ? traits.email : null;
  const key = event.userId ? eq(contacts.userId, event.userId) : eq(contacts.anonymousId, event.anonymousId!);
  const [existing] = await tx.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.workspaceId, workspaceId), key));
  if (existing) {
    if (Object.keys(traits).length > 0) {
      await tx
        .update(contacts)
        .set({
          traits: sql`${contacts.traits} || ${JSON.stringify(traits)}::jsonb`,
          email: email ?? sql`${contacts.email}`,
          updatedAt: new Date(),
        })
        .where(eq(contacts.id, existing.id));
    }
    return { contactId: existing.id, created: false };
  }
  const id = newId('ct');
  await tx.insert(contacts).values({
    id,
    workspaceId,
    userId: event.userId ?? null,
    anonymousId: event.userId ? null : (event.anonymousId ?? null),
    email,
    traits,
  });
  return { contactId: id, created: true };
}
