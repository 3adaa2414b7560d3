// For tests (merge, export, erase): people with something in every table that keeps rows by contact.
import {
  accountMemberships,
  accounts,
  appliedActions,
  contacts,
  enrolments,
  events,
  lifetimeValues,
  listMemberships,
  lists,
  messages,
  newId,
  nodeVisits,
  pushSubscriptions,
  rfmScores,
  segmentMemberships,
  type Database,
} from '@tend/db';

export interface Person {
  id: string;
  userId?: string | null;
  anonymousId?: string | null;
  email?: string | null;
  traits?: Record<string, unknown>;
  updatedAt?: Date;
}

/** A contact as ingestion would have stored it. */
export async function addPerson(db: Database, workspaceId: string, person: Person): Promise<string> {
  const { id, userId = null, anonymousId = null, email = null, traits = {}, updatedAt = new Date('2024-01-01T00:00:00Z') } = person;
  await db.insert(contacts).values({ id, workspaceId, userId, anonymousId, email, traits, updatedAt });
  return id;
}

/** Tracked events at the given times, named after the contact so they can be told apart. */
export async function addEvents(db: Database, workspaceId: string, contactId: string, times: Date[], name = 'Viewed'): Promise<void> {
  await db.insert(events).values(
    times.map((occurredAt, i) => ({ id: newId('ev'), workspaceId, messageId: `${contactId}-${name}-${i}`, type: 'track' as const, name, contactId, properties: { i }, occurredAt })),
  );
}

export async function addToList(db: Database, workspaceId: string, contactId: string, listId: string): Promise<void> {
  await db.insert(lists).values({ workspaceId, id: listId, name: `List ${listId}` }).onConflictDoNothing();
  await db.insert(listMemberships).values({ workspaceId, listId, contactId });
}

/** A run in a journey (active unless said), with one node visit and one email sent by it. */
export async function addRun(db: Database, workspaceId: string, contactId: string, journeyId: string, status: 'active' | 'completed' = 'active'): Promise<string> {
  const workflowId = `journey/${workspaceId}/${journeyId}/${contactId}`;
  const enteredAt = new Date('2024-02-01T00:00:00Z');
  await db.insert(enrolments).values({ workspaceId, journeyId, contactId, workflowId, runKey: newId('run'), version: 1, status, enteredAt, currentNode: status === 'active' ? 'wait' : null });
  await db.insert(nodeVisits).values({ workspaceId, journeyId, version: 1, contactId, workflowId, nodeId: 'mail', visit: 1, outcome: 'sent', at: enteredAt });
  await db.insert(messages).values({
    idempotencyKey: `${workflowId}/mail/1`,
    workspaceId,
    contactId,
    journeyId,
    nodeId: 'mail',
    channel: 'email',
    recipient: `${contactId}@example.com`,
    subject: `Hello ${contactId}`,
    body: `Dear ${contactId}`,
    status: 'sent',
    providerMessageId: `smtp-${contactId}`,
    sentAt: enteredAt,
  });
  return workflowId;
}

/** Something in every other table: a segment, an account, a profile change, a push subscription, scores. */
export async function addTheRest(db: Database, workspaceId: string, contactId: string, tag: string): Promise<void> {
  await db.insert(segmentMemberships).values({ workspaceId, segment: `segment-${tag}`, contactId });
  await db.insert(accounts).values({ workspaceId, id: `account-${tag}` }).onConflictDoNothing();
  await db.insert(accountMemberships).values({ workspaceId, accountId: `account-${tag}`, contactId });
  await db.insert(appliedActions).values({ idempotencyKey: `update-${contactId}-${tag}`, workspaceId, contactId, type: 'update-profile', effect: { set: { tier: tag } } });
  await db.insert(pushSubscriptions).values({ id: `push-${contactId}-${tag}`, contactId, endpoint: `https://push.example/${contactId}/${tag}`, p256dh: 'key', auth: 'secret' });
  const computedAt = new Date('2024-03-01T00:00:00Z');
  await db.insert(rfmScores).values({ workspaceId, contactId, recencyDays: 3, frequency: 2, monetary: 20, r: 5, f: 2, m: 2, group: 'Promising', computedAt }).onConflictDoNothing();
  await db.insert(lifetimeValues).values({ workspaceId, contactId, probabilityAlive: 0.9, expectedPurchases: 1.2, expectedSpend: 30, computedAt }).onConflictDoNothing();
}
