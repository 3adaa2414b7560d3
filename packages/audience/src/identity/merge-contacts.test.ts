import {
  accountMemberships,
  and,
  appliedActions,
  asc,
  contacts,
  enrolments,
  eq,
  events,
  identityMerges,
  listMemberships,
  messages,
  nodeVisits,
  pushSubscriptions,
  rfmScores,
  segmentMemberships,
  sql,
  type Database,
  type DatabaseHandle,
} from '@tend/db';
import { availableTestDatabases, openTestDatabase, seedWorkspace } from '@tend/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactTables } from './contact-rows.js';
import { contactMerges } from './contact-merges.js';
import { ContactNotFoundError, mergeContacts } from './merge-contacts.js';
import { addEvents, addPerson, addRun, addTheRest, addToList } from './test-people.js';

const day = (n: number) => new Date(Date.UTC(2024, 0, n));
const asOf = new Date('2024-04-01T12:00:00Z');

describe.each(availableTestDatabases())('mergeContacts on %s', (kind) => {
  let database: DatabaseHandle;
  let workspaces = 0;
  const db = () => database.db;
  const workspace = () => seedWorkspace(db(), { id: `merge-${++workspaces}` });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database?.close());

  /** A known customer and the anonymous visitor they were before signing in, each with a history. */
  async function knownAndVisitor(workspaceId: string) {
    const known = await addPerson(db(), workspaceId, {
      id: `${workspaceId}-known`,
      userId: 'u1',
      email: 'ada@example.com',
      traits: { plan: 'free', city: 'Leeds', email: 'ada@example.com' },
      updatedAt: day(10),
    });
    const visitor = await addPerson(db(), workspaceId, { id: `${workspaceId}-visitor`, anonymousId: 'a1', traits: { plan: 'trial', utm: 'spring' }, updatedAt: day(20) });
    await addEvents(db(), workspaceId, known, [day(1), day(5)], 'Signed Up');
    await addEvents(db(), workspaceId, visitor, [day(3), day(7)], 'Viewed');
    await addToList(db(), workspaceId, known, 'newsletter');
    await addToList(db(), workspaceId, visitor, 'newsletter');
    await addToList(db(), workspaceId, visitor, 'spring-sale');
    return { known, visitor };
  }

  it('gives the known contact the visitor\'s events, lists and anonymousId, newer traits winning, and deletes the visitor', async () => {
    const workspaceId = await workspace();
    const { known, visitor } = await knownAndVisitor(workspaceId);

    const outcome = await mergeContacts(db(), { workspaceId, from: visitor, into: known, via: 'identify', messageId: 'm-identify', asOf });

    expect(outcome).toMatchObject({ merged: true, from: visitor, into: known, endRuns: [] });
    const [kept] = await db().select().from(contacts).where(eq(contacts.id, known));
    // The visitor's profile was updated later (day 20 against day 10): its plan wins; keys only one had are kept.
    expect(kept).toMatchObject({ userId: 'u1', anonymousId: 'a1', email: 'ada@example.com', traits: { plan: 'trial', city: 'Leeds', utm: 'spring', email: 'ada@example.com' } });
    expect(await db().select().from(contacts).where(eq(contacts.id, visitor))).toEqual([]);

    const timeline = await db().select({ name: events.name, occurredAt: events.occurredAt }).from(events).where(eq(events.contactId, known)).orderBy(asc(events.occurredAt));
    expect(timeline.map((event) => `${event.name} ${event.occurredAt.getUTCDate()}`)).toEqual(['Signed Up 1', 'Viewed 3', 'Signed Up 5', 'Viewed 7']);
    const onLists = await db().select({ listId: listMemberships.listId }).from(listMemberships).where(eq(listMemberships.contactId, known)).orderBy(asc(listMemberships.listId));
    expect(onLists.map((row) => row.listId)).toEqual(['newsletter', 'spring-sale']);

    expect(await contactMerges(db(), workspaceId, known)).toEqual([
      {
        fromContactId: visitor,
        via: 'identify',
        messageId: 'm-identify',
        mergedAt: asOf,
        detail: expect.objectContaining({ moved: expect.objectContaining({ events: 2, list_memberships: 1 }), traitsTaken: ['plan', 'utm'], endedRuns: [], droppedIdentities: {} }),
      },
    ]);
  });

  it('keeps the kept contact\'s values when it was updated more recently, and its own anonymousId', async () => {
    const workspaceId = await workspace();
    const known = await addPerson(db(), workspaceId, { id: `${workspaceId}-k`, userId: 'u2', anonymousId: 'phone', traits: { plan: 'pro' }, updatedAt: day(30) });
    const visitor = await addPerson(db(), workspaceId, { id: `${workspaceId}-v`, anonymousId: 'laptop', email: 'v@example.com', traits: { plan: 'trial', utm: 'x' }, updatedAt: day(2) });

    const { detail } = await mergeContacts(db(), { workspaceId, from: visitor, into: known, via: 'track', asOf });

    const [kept] = await db().select().from(contacts).where(eq(contacts.id, known));
    expect(kept).toMatchObject({ anonymousId: 'phone', email: 'v@example.com', traits: { plan: 'pro', utm: 'x' } });
    expect(detail).toMatchObject({ traitsTaken: ['utm'], droppedIdentities: { anonymousId: 'laptop' } });
  });

  it('keeps one run per journey: the kept contact\'s; the other contact\'s runs end and are returned', async () => {
    const workspaceId = await workspace();
    const { known, visitor } = await knownAndVisitor(workspaceId);
    const knownWelcome = await addRun(db(), workspaceId, known, 'welcome');
    const visitorWelcome = await addRun(db(), workspaceId, visitor, 'welcome');
    const visitorBrowse = await addRun(db(), workspaceId, visitor, 'browse-abandon');
    await addRun(db(), workspaceId, visitor, 'old-promo', 'completed');

    const { endRuns, detail } = await mergeContacts(db(), { workspaceId, from: visitor, into: known, via: 'identify', asOf });

    expect(endRuns).toEqual([
      { journeyId: 'browse-abandon', workflowId: visitorBrowse, reason: `merged into ${known}` },
      { journeyId: 'welcome', workflowId: visitorWelcome, reason: `merged into ${known}` },
    ]);
    expect(detail.keptRuns).toEqual(['welcome']);
    const runs = await db()
      .select({ journeyId: enrolments.journeyId, workflowId: enrolments.workflowId, status: enrolments.status, endedAt: enrolments.endedAt })
      .from(enrolments)
      .where(eq(enrolments.workspaceId, workspaceId))
      .orderBy(asc(enrolments.journeyId));
    // The visitor's history in journeys the known contact never ran is now the known contact's; the welcome run kept is theirs.
    expect(runs).toEqual([
      { journeyId: 'browse-abandon', workflowId: visitorBrowse, status: 'stopped', endedAt: asOf },
      { journeyId: 'old-promo', workflowId: expect.stringContaining(visitor), status: 'completed', endedAt: null },
      { journeyId: 'welcome', workflowId: knownWelcome, status: 'active', endedAt: null },
    ]);
    expect(await db().$count(enrolments, eq(enrolments.contactId, known))).toBe(3);
    // The trail of every run and every message sent is the known contact's now.
    expect(await db().$count(nodeVisits, eq(nodeVisits.contactId, known))).toBe(4);
    expect(await db().$count(messages, eq(messages.contactId, known))).toBe(4);
  });

  it('moves segment, account and push subscriptions, and the scores the kept contact lacks', async () => {
    const workspaceId = await workspace();
    const { known, visitor } = await knownAndVisitor(workspaceId);
    await addTheRest(db(), workspaceId, visitor, 'v');
    await addTheRest(db(), workspaceId, known, 'k');
    await db().delete(rfmScores).where(eq(rfmScores.contactId, known));

    const { detail } = await mergeContacts(db(), { workspaceId, from: visitor, into: known, via: 'alias', asOf });

    const ofKnown = async (table: typeof segmentMemberships | typeof accountMemberships | typeof appliedActions | typeof rfmScores) =>
      db().$count(table, and(eq(table.workspaceId, workspaceId), eq(table.contactId, known)));
    expect(await ofKnown(segmentMemberships)).toBe(2);
    expect(await ofKnown(accountMemberships)).toBe(2);
    expect(await ofKnown(appliedActions)).toBe(2);
    expect(await ofKnown(rfmScores)).toBe(1);
    expect(await db().$count(pushSubscriptions, eq(pushSubscriptions.contactId, known))).toBe(2);
    expect(detail.moved).toMatchObject({ segment_memberships: 1, account_memberships: 1, applied_actions: 1, rfm_scores: 1, lifetime_values: 0, push_subscriptions: 1 });
  });

  it('hands on the merges made into the merged contact', async () => {
    const workspaceId = await workspace();
    const first = await addPerson(db(), workspaceId, { id: `${workspaceId}-1`, anonymousId: 'x1' });
    const second = await addPerson(db(), workspaceId, { id: `${workspaceId}-2`, anonymousId: 'x2' });
    const third = await addPerson(db(), workspaceId, { id: `${workspaceId}-3`, userId: 'u3' });
    await mergeContacts(db(), { workspaceId, from: first, into: second, via: 'manual', asOf: day(40) });
    await mergeContacts(db(), { workspaceId, from: second, into: third, via: 'identify', asOf: day(41) });
    expect((await contactMerges(db(), workspaceId, third)).map((merge) => merge.fromContactId)).toEqual([first, second]);
  });

  it('changes nothing when it fails part-way', async () => {
    const workspaceId = await workspace();
    const { known, visitor } = await knownAndVisitor(workspaceId);
    await addRun(db(), workspaceId, visitor, 'welcome');
    await addTheRest(db(), workspaceId, visitor, 'v');
    const before = await everything(db(), workspaceId);
    // The merge record is written last, after every row has moved: refusing it fails the merge at its very end.
    await db().execute(sql.raw(`alter table identity_merges add constraint refuse_${workspaceId.replace('-', '_')} check (workspace_id <> '${workspaceId}')`));

    await expect(mergeContacts(db(), { workspaceId, from: visitor, into: known, via: 'identify', asOf })).rejects.toThrow();

    expect(await everything(db(), workspaceId)).toEqual(before);
    await db().execute(sql.raw(`alter table identity_merges drop constraint refuse_${workspaceId.replace('-', '_')}`));
  });

  it('refuses a contact that is not in the workspace, changing nothing', async () => {
    const workspaceId = await workspace();
    const other = await workspace();
    const { known } = await knownAndVisitor(workspaceId);
    const stranger = await addPerson(db(), other, { id: `${other}-stranger`, anonymousId: 'a1' });
    const before = await everything(db(), workspaceId);
    await expect(mergeContacts(db(), { workspaceId, from: stranger, into: known, via: 'manual' })).rejects.toThrow(ContactNotFoundError);
    expect(await everything(db(), workspaceId)).toEqual(before);
    expect(await db().$count(contacts, eq(contacts.id, stranger))).toBe(1);
  });

  it('knows every table that keeps rows by contact', async () => {
    const result = await db().execute(sql`select table_name from information_schema.columns where column_name = 'contact_id' and table_schema = 'public' order by 1`);
    const tables = (result as unknown as { rows: { table_name: string }[] }).rows.map((row) => row.table_name);
    // push_subscriptions has no workspace column and is handled on its own.
    expect(tables).toEqual([...Object.keys(contactTables), 'push_subscriptions'].sort());
  });
});

/** Every row of the workspace in the tables a merge touches, as comparable values. */
async function everything(db: Database, workspaceId: string) {
  const of = async (table: string) => (await db.execute(sql`select * from ${sql.identifier(table)} where workspace_id = ${workspaceId} order by 1, 2, 3`)) as unknown as { rows: unknown[] };
  const rows: Record<string, unknown[]> = {};
  for (const table of ['contacts', ...Object.keys(contactTables), 'identity_merges']) rows[table] = (await of(table)).rows;
  rows.push_subscriptions = ((await db.execute(sql`select * from push_subscriptions order by id`)) as unknown as { rows: unknown[] }).rows;
  const merges = await db.select().from(identityMerges).where(eq(identityMerges.workspaceId, workspaceId));
  return { ...rows, merges };
}
