import { randomUUID } from 'node:crypto';
import { and, contacts, eq, events, newId, sql, type Database, type Transaction } from '@tend/db';
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
  const { contactId, created } = await upsertContact(tx, workspaceId, event, traits);
  const row = {
    id: newId('ev'),
    workspaceId,
    messageId,
    type: event.type,
    name: event.type === 'track' ? event.event : null,
    contactId,
    properties: event.type === 'track' ? event.properties : traits,
    occurredAt: event.timestamp ? new Date(event.timestamp) : new Date(),
    createdContact: created,
  };
  await tx.insert(events).values(row);
  return { ...row, duplicate: false };
}

async function upsertContact(
  tx: Transaction,
  workspaceId: string,
  event: IncomingEvent,
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
