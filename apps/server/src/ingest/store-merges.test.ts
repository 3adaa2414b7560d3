// Segment's identity rules as ingestion applies them: a call with a userId and an anonymousId,
// and alias, merge the profiles they show to be one person.
import { accountMemberships, asc, contacts, enrolments, eq, events, identityMerges, listMemberships, lists, sql, type Database, type DatabaseHandle } from '@tend/db';
import { availableTestDatabases, openTestDatabase, seedWorkspace } from '@tend/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeCalls } from './store.js';
import type { IncomingEvent } from './schemas.js';
import { calls } from './test-calls.js';


describe.each(availableTestDatabases())('identity merges while storing, on %s', (kind) => {
  let database: DatabaseHandle;
  let workspaces = 0;
  const db = () => database.db;
  const workspace = () => seedWorkspace(db(), { id: `ws-${++workspaces}` });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database?.close());

  /** The workspace's people: ids, traits, and their events' messageIds in time order. */
  async function people(workspaceId: string) {
    const rows = await db().select().from(contacts).where(eq(contacts.workspaceId, workspaceId)).orderBy(asc(contacts.userId), asc(contacts.anonymousId));
    return Promise.all(
      rows.map(async (row) => ({
        userId: row.userId,
        anonymousId: row.anonymousId,
        email: row.email,
        traits: row.traits,
        events: (await db().select({ messageId: events.messageId }).from(events).where(eq(events.contactId, row.id)).orderBy(asc(events.occurredAt))).map((event) => event.messageId),
      })),
    );
  }

  /** people(), with the accounts each belongs to and which calls created them: all a batch can change. */
  async function everything(workspaceId: string) {
    const members = await db().select().from(accountMemberships).where(eq(accountMemberships.workspaceId, workspaceId));
    const stored = await db().select().from(events).where(eq(events.workspaceId, workspaceId));
    const byUser = await db().select().from(contacts).where(eq(contacts.workspaceId, workspaceId));
    const named = (id: string) => byUser.find((row) => row.id === id)?.userId ?? `anon:${byUser.find((row) => row.id === id)?.anonymousId}`;
    return {
      people: await people(workspaceId),
      accounts: members.map((member) => `${member.accountId}:${named(member.contactId)}`).sort(),
      created: stored.filter((event) => event.createdContact).map((event) => event.messageId).sort(),
      merges: await mergesOf(db(), workspaceId),
    };
  }

  const contactOf = async (workspaceId: string, field: 'userId' | 'anonymousId', id: string) =>
    (await db().select().from(contacts).where(eq(field === 'userId' ? contacts.userId : contacts.anonymousId, id))).find((row) => row.workspaceId === workspaceId);

  /** A shopper who browsed anonymously (on a list, in a journey), and their account from an earlier visit. */
  async function visitorAndAccount(workspaceId: string) {
    await storeCalls(
      db(),
      workspaceId,
      calls(
        { type: 'identify', userId: 'ada', messageId: 'k1', timestamp: '2024-01-01T10:00:00Z', traits: { email: 'ada@example.com', plan: 'free', city: 'Leeds' } },
        { type: 'track', anonymousId: 'browser-1', messageId: 'v1', timestamp: '2024-01-02T10:00:00Z', event: 'Product Viewed' },
        { type: 'identify', anonymousId: 'browser-1', messageId: 'v2', timestamp: '2024-01-03T10:00:00Z', traits: { plan: 'trial', utm: 'spring' } },
      ),
    );
    const visitor = (await contactOf(workspaceId, 'anonymousId', 'browser-1'))!;
    await db().insert(lists).values({ workspaceId, id: 'spring-sale', name: 'Spring sale' });
    await db().insert(listMemberships).values({ workspaceId, listId: 'spring-sale', contactId: visitor.id });
    await db().insert(enrolments).values({ workspaceId, journeyId: 'browse-abandon', contactId: visitor.id, workflowId: `journey/${workspaceId}/browse-abandon/${visitor.id}`, runKey: 'r1', version: 1, status: 'active', enteredAt: new Date() });
    return { visitor, known: (await contactOf(workspaceId, 'userId', 'ada'))! };
  }

  it('an identify with both ids merges the anonymous profile into the known one', async () => {
    const workspaceId = await workspace();
    const { visitor, known } = await visitorAndAccount(workspaceId);

    const stored = await storeCalls(db(), workspaceId, calls({ type: 'identify', userId: 'ada', anonymousId: 'browser-1', messageId: 'k2', timestamp: '2024-01-04T10:00:00Z', traits: { city: 'York' } }));

    expect(await people(workspaceId)).toEqual([
      {
        userId: 'ada',
        anonymousId: 'browser-1',
        email: 'ada@example.com',
        // The identify just updated Ada's profile, so hers is the newer: her plan stays, the visitor's utm joins it.
        traits: { email: 'ada@example.com', plan: 'free', city: 'York', utm: 'spring' },
        events: ['k1', 'v1', 'v2', 'k2'],
      },
    ]);
    expect(stored.events[0]).toMatchObject({ contactId: known.id, duplicate: false });
    expect(await db().select({ listId: listMemberships.listId }).from(listMemberships).where(eq(listMemberships.contactId, known.id))).toEqual([{ listId: 'spring-sale' }]);
    expect(await db().select().from(identityMerges).where(eq(identityMerges.workspaceId, workspaceId))).toEqual([
      expect.objectContaining({ fromContactId: visitor.id, intoContactId: known.id, via: 'identify', messageId: 'k2' }),
    ]);
    expect(stored.endRuns).toEqual([{ journeyId: 'browse-abandon', workflowId: `journey/${workspaceId}/browse-abandon/${visitor.id}`, reason: `merged into ${known.id}` }]);
  });

  it('a track with both ids does the same, and a first identify creates the known contact the visitor is merged into', async () => {
    const workspaceId = await workspace();
    const { visitor, known } = await visitorAndAccount(workspaceId);
    await storeCalls(db(), workspaceId, calls({ type: 'track', anonymousId: 'browser-2', messageId: 'w1', timestamp: '2024-01-05T10:00:00Z', event: 'Product Viewed' }));

    const tracked = await storeCalls(db(), workspaceId, calls({ type: 'track', userId: 'ada', anonymousId: 'browser-1', messageId: 'k3', timestamp: '2024-01-06T10:00:00Z', event: 'Order Completed' }));
    const signedUp = await storeCalls(db(), workspaceId, calls({ type: 'identify', userId: 'grace', anonymousId: 'browser-2', messageId: 'g1', timestamp: '2024-01-07T10:00:00Z', traits: { email: 'grace@example.com' } }));

    expect(tracked.merges).toEqual([expect.objectContaining({ from: visitor.id, into: known.id })]);
    expect(signedUp.events[0]!.createdContact).toBe(true);
    expect((await people(workspaceId)).map(({ userId, anonymousId, events }) => ({ userId, anonymousId, events }))).toEqual([
      { userId: 'ada', anonymousId: 'browser-1', events: ['k1', 'v1', 'v2', 'k3'] },
      { userId: 'grace', anonymousId: 'browser-2', events: ['w1', 'g1'] },
    ]);
    expect((await db().select({ via: identityMerges.via }).from(identityMerges).where(eq(identityMerges.workspaceId, workspaceId))).map((row) => row.via).sort()).toEqual(['identify', 'track']);
  });

  it('leaves an anonymousId a known contact holds, and gives a known contact one nobody holds', async () => {
    const workspaceId = await workspace();
    await storeCalls(db(), workspaceId, calls({ type: 'identify', userId: 'ada', anonymousId: 'shared-laptop', messageId: 'a1' }));
    const stored = await storeCalls(db(), workspaceId, calls({ type: 'track', userId: 'bob', anonymousId: 'shared-laptop', messageId: 'b1', event: 'Clicked' }));
    expect(stored.merges).toEqual([]);
    expect((await people(workspaceId)).map(({ userId, anonymousId }) => ({ userId, anonymousId }))).toEqual([
      { userId: 'ada', anonymousId: 'shared-laptop' },
      { userId: 'bob', anonymousId: null },
    ]);
  });

  it('alias merges the previous profile into the userId\'s, or gives it the userId when there is none', async () => {
    const workspaceId = await workspace();
    const { visitor, known } = await visitorAndAccount(workspaceId);
    await storeCalls(db(), workspaceId, calls({ type: 'track', anonymousId: 'browser-3', messageId: 'x1', event: 'Clicked' }));
    const lone = (await contactOf(workspaceId, 'anonymousId', 'browser-3'))!;

    const merged = await storeCalls(db(), workspaceId, calls({ type: 'alias', previousId: 'browser-1', userId: 'ada', messageId: 'al1' }));
    const renamed = await storeCalls(db(), workspaceId, calls({ type: 'alias', previousId: 'browser-3', userId: 'new-user', messageId: 'al2' }));

    expect(merged.merges).toEqual([expect.objectContaining({ from: visitor.id, into: known.id, detail: expect.objectContaining({ moved: expect.objectContaining({ events: 2 }) }) })]);
    expect(merged.endRuns).toHaveLength(1);
    expect(renamed.merges).toEqual([]);
    expect(await contactOf(workspaceId, 'userId', 'new-user')).toMatchObject({ id: lone.id, anonymousId: 'browser-3' });
    expect((await people(workspaceId)).map(({ userId, anonymousId, events }) => ({ userId, anonymousId, events }))).toEqual([
      { userId: 'ada', anonymousId: 'browser-1', events: ['k1', 'v1', 'v2', 'al1'] },
      { userId: 'new-user', anonymousId: 'browser-3', events: ['x1', 'al2'] },
    ]);
  });

  it('merges inside a batch as storing its calls one by one would', async () => {
    const oneByOne = await workspace();
    const batched = await workspace();
    const before = calls(
      { type: 'identify', userId: 'ada', messageId: 'p0', timestamp: '2024-01-01T00:00:00Z', traits: { plan: 'free' } },
      { type: 'page', anonymousId: 'old-visit', messageId: 'p0b', timestamp: '2024-01-02T00:00:00Z' },
    );
    const batch = inOrder(
      { type: 'page', anonymousId: 'tab', messageId: 'p1', name: 'Home' },
      { type: 'identify', anonymousId: 'tab', messageId: 'p2', traits: { utm: 'ad' } },
      { type: 'identify', userId: 'ada', anonymousId: 'tab', messageId: 'p3', traits: { plan: 'pro' } },
      { type: 'track', userId: 'ada', anonymousId: 'tab', messageId: 'p4', event: 'Clicked' },
      { type: 'page', anonymousId: 'tab', messageId: 'p5', name: 'Pricing' },
      { type: 'identify', userId: 'grace', anonymousId: 'phone', messageId: 'p6', traits: { email: 'grace@example.com' } },
      { type: 'track', anonymousId: 'phone', messageId: 'p7', event: 'Opened App' },
      { type: 'track', userId: 'ada', anonymousId: 'old-visit', messageId: 'p8', event: 'Clicked' },
      { type: 'identify', anonymousId: 'late', messageId: 'p9', traits: { seen: true } },
      { type: 'identify', userId: 'carol', messageId: 'p9b', traits: { email: 'carol@example.com' } },
      { type: 'alias', previousId: 'late', userId: 'carol', messageId: 'p10' },
      { type: 'track', anonymousId: 'late', messageId: 'p11', event: 'Clicked' },
    );
    for (const workspaceId of [oneByOne, batched]) await storeCalls(db(), workspaceId, before);
    for (const call of batch) await storeCalls(db(), oneByOne, [call]);
    const stored = await storeCalls(db(), batched, batch);

    const expected = await people(oneByOne);
    expect(await people(batched)).toEqual(expected);
    expect(await mergesOf(db(), batched)).toEqual(await mergesOf(db(), oneByOne));
    expect(stored.merges).toHaveLength(3);
    // What one by one gave, so the comparison above compares something.
    expect(expected.map(({ userId, anonymousId, events }) => ({ userId, anonymousId, events: events.sort() }))).toEqual([
      { userId: 'ada', anonymousId: 'tab', events: ['p0', 'p0b', 'p1', 'p2', 'p3', 'p4', 'p5', 'p8'] },
      { userId: 'carol', anonymousId: 'late', events: ['p10', 'p11', 'p9', 'p9b'] },
      { userId: 'grace', anonymousId: 'phone', events: ['p6', 'p7'] },
    ]);
    // Every returned event names the contact it is stored under.
    const rows = await db().select({ id: events.id, contactId: events.contactId }).from(events).where(eq(events.workspaceId, batched));
    for (const event of stored.events) expect(rows.find((row) => row.id === event.id)?.contactId).toBe(event.contactId);
  });

  it('merges as one by one whatever the order of calls (random batches over a few people)', async () => {
    const random = seeded(11);
    const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
    for (let round = 0; round < 25; round++) {
      const items = Array.from({ length: 12 }, (_, i) => {
        const messageId = `r${round}-${i}`;
        const userId = pick(['u1', 'u2', 'u3', undefined]);
        const anonymousId = userId === undefined ? pick(['a1', 'a2', 'a3']) : pick(['a1', 'a2', 'a3', undefined]);
        const type = pick(['identify', 'identify', 'track', 'page', 'group', 'alias'] as const);
        if (type === 'alias') return { type, messageId, previousId: pick(['a1', 'a2', 'a3', 'u1', 'u2']), userId: pick(['u1', 'u2', 'u3']) };
        const traits = pick([{}, { x: i }, { y: i }, { email: `p${i}@example.com` }]);
        return { type, messageId, userId, anonymousId, event: 'E', groupId: pick(['g1', 'g2']), traits };
      });
      const oneByOne = await workspace();
      const batched = await workspace();
      for (const call of inOrder(...items)) await storeCalls(db(), oneByOne, [call]);
      await storeCalls(db(), batched, inOrder(...items));
      expect({ round, ...(await everything(batched)) }).toEqual({ round, ...(await everything(oneByOne)) });
    }
  }, 120_000);

  it('stores nothing of the batch, and merges nothing, when a merge fails', async () => {
    const workspaceId = await workspace();
    await visitorAndAccount(workspaceId);
    const before = await people(workspaceId);
    const constraint = `refuse_${workspaceId.replace('-', '_')}`;
    await db().execute(sql.raw(`alter table identity_merges add constraint ${constraint} check (workspace_id <> '${workspaceId}')`));
    try {
      await expect(
        storeCalls(
          db(),
          workspaceId,
          calls({ type: 'track', userId: 'ada', messageId: 'f0', event: 'Clicked' }, { type: 'identify', userId: 'ada', anonymousId: 'browser-1', messageId: 'f1', traits: { city: 'York' } }),
        ),
      ).rejects.toThrow();
    } finally {
      await db().execute(sql.raw(`alter table identity_merges drop constraint ${constraint}`));
    }
    expect(await people(workspaceId)).toEqual(before);
    expect(await db().$count(enrolments, eq(enrolments.status, 'active'))).toBeGreaterThan(0);
  });
});

/** A small deterministic random number generator (mulberry32), so a failing round can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Calls a second apart, in the order given. */
function inOrder(...items: object[]): IncomingEvent[] {
  return calls(...items.map((item, i) => ({ ...item, timestamp: new Date(Date.UTC(2024, 1, 1, 0, 0, i)).toISOString() })));
}

async function mergesOf(db: Database, workspaceId: string) {
  const rows = await db.select().from(identityMerges).where(eq(identityMerges.workspaceId, workspaceId)).orderBy(asc(identityMerges.id));
  return rows.map(({ via, messageId, detail }) => ({ via, messageId, moved: (detail as { moved: unknown }).moved }));
}
