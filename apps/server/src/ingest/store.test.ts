// storeCalls is set-based; these pin that it stores what storing the calls one by one did.
import { accountMemberships, accounts, asc, contacts, eq, events, type DatabaseHandle } from '@tend/db';
import { availableTestDatabases, openTestDatabase, seedWorkspace } from '@tend/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeCalls, type StoredEvent } from './store.js';
import { calls } from './test-calls.js';

const storeEvents = async (...args: Parameters<typeof storeCalls>): Promise<StoredEvent[]> => (await storeCalls(...args)).events;


describe.each(availableTestDatabases())('storeCalls on %s', (kind) => {
  let database: DatabaseHandle;
  let workspaces = 0;
  const db = () => database.db;
  const workspace = () => seedWorkspace(db(), { id: `ws-${++workspaces}` });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database?.close());

  /** A workspace's contacts and events as comparable values: contacts named by userId or anonymousId. */
  async function snapshot(workspaceId: string) {
    const people = await db().select().from(contacts).where(eq(contacts.workspaceId, workspaceId));
    const name = (id: string) => {
      const contact = people.find((row) => row.id === id)!;
      return contact.userId ?? `anon:${contact.anonymousId}`;
    };
    const stored = await db().select().from(events).where(eq(events.workspaceId, workspaceId)).orderBy(asc(events.messageId));
    return {
      contacts: people.map(({ userId, anonymousId, email, traits }) => ({ userId, anonymousId, email, traits })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      events: stored.map((row) => ({ messageId: row.messageId, type: row.type, name: row.name, contact: name(row.contactId), createdContact: row.createdContact, properties: row.properties })),
      accounts: (await db().select().from(accounts).where(eq(accounts.workspaceId, workspaceId))).map(({ id, traits }) => ({ id, traits })),
      members: (await db().select().from(accountMemberships).where(eq(accountMemberships.workspaceId, workspaceId))).map((row) => `${row.accountId}:${name(row.contactId)}`).sort(),
    };
  }

  it('stores a mixed batch as storing its calls one by one would', async () => {
    const known = await workspace();
    const oneByOne = await workspace();
    const batched = await workspace();
    const before = calls(
      { type: 'identify', userId: 'old', messageId: 'm0', traits: { email: 'old@example.com', plan: 'free', city: 'Leeds' } },
      { type: 'track', anonymousId: 'visitor', messageId: 'm0b', event: 'Landed' },
    );
    const batch = calls(
      { type: 'identify', userId: 'old', messageId: 'm1', traits: { plan: 'pro' } },
      { type: 'identify', userId: 'new', messageId: 'm2', traits: { email: 'first@example.com', a: 1 } },
      { type: 'track', userId: 'new', messageId: 'm3', event: 'Clicked' },
      { type: 'identify', userId: 'new', messageId: 'm4', traits: { email: 'second@example.com', b: 2, a: 3 } },
      { type: 'page', anonymousId: 'visitor', messageId: 'm5', name: 'Home' },
      { type: 'group', userId: 'new', messageId: 'm6', groupId: 'acme', traits: { size: 1, name: 'Acme' } },
      { type: 'group', userId: 'old', messageId: 'm7', groupId: 'acme', traits: { size: 2 } },
      { type: 'alias', userId: 'visitor-user', previousId: 'visitor', messageId: 'm8' },
      { type: 'identify', userId: 'visitor-user', messageId: 'm9', traits: { email: 'v@example.com' } },
      { type: 'identify', anonymousId: 'visitor', messageId: 'm10', traits: { seen: true } },
      { type: 'track', userId: 'old', messageId: 'm11', event: 'Upgraded' },
      { type: 'alias', userId: 'brand-new', previousId: 'nobody', messageId: 'm12' },
      { type: 'track', userId: 'brand-new', messageId: 'm13', event: 'Clicked' },
    );
    for (const workspaceId of [known, oneByOne, batched]) await storeEvents(db(), workspaceId, before);
    for (const call of batch) await storeEvents(db(), oneByOne, [call]);
    const stored = await storeEvents(db(), batched, batch);

    expect(stored.map((event) => [event.messageId, event.type, event.duplicate])).toEqual(batch.map((call) => [call.messageId, call.type, false]));
    const expected = await snapshot(oneByOne);
    expect(await snapshot(batched)).toEqual(expected);
    // What storing one by one gave, so the comparison above compares something.
    expect(expected.contacts).toContainEqual({ userId: 'new', anonymousId: null, email: 'second@example.com', traits: { email: 'second@example.com', a: 3, b: 2 } });
    expect(expected.contacts).toContainEqual({ userId: 'visitor-user', anonymousId: 'visitor', email: 'v@example.com', traits: { email: 'v@example.com', seen: true } });
    expect(expected.accounts).toEqual([{ id: 'acme', traits: { name: 'Acme', size: 2 } }]);
    expect(expected.events.filter((event) => event.createdContact).map((event) => event.messageId)).toEqual(['m0', 'm0b', 'm12', 'm2']);
  });

  it('returns each call in order, its contact the same as its stored row\'s', async () => {
    const workspaceId = await workspace();
    const stored = await storeEvents(db(), workspaceId, calls(...Array.from({ length: 30 }, (_, i) => ({ type: 'track', userId: `u${i % 4}`, messageId: `o${i}`, event: 'E', properties: { i } }))));
    const rows = await db().select().from(events).where(eq(events.workspaceId, workspaceId));
    expect(stored.map((event) => event.properties.i)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    for (const event of stored) expect(rows.find((row) => row.id === event.id)).toMatchObject({ contactId: event.contactId, messageId: event.messageId, createdContact: event.createdContact });
    expect(stored.filter((event) => event.createdContact).map((event) => event.messageId)).toEqual(['o0', 'o1', 'o2', 'o3']);
  });

  it('recognises a messageId stored before and one twice in the batch: the first copy wins, nothing is applied again', async () => {
    const workspaceId = await workspace();
    await storeEvents(db(), workspaceId, calls({ type: 'identify', userId: 'd1', messageId: 'seen', traits: { plan: 'free' } }));
    const stored = await storeEvents(
      db(),
      workspaceId,
      calls(
        { type: 'identify', userId: 'd1', messageId: 'seen', traits: { plan: 'retried' } },
        { type: 'track', userId: 'd1', messageId: 'twice', event: 'First' },
        { type: 'identify', userId: 'd1', messageId: 'twice', traits: { plan: 'second copy' } },
        { type: 'track', userId: 'd2', event: 'No messageId' },
      ),
    );
    expect(stored.map((event) => [event.messageId.startsWith('tend-') ? 'tend-…' : event.messageId, event.type, event.name, event.duplicate])).toEqual([
      ['seen', 'identify', null, true],
      ['twice', 'track', 'First', false],
      ['twice', 'track', 'First', true],
      ['tend-…', 'track', 'No messageId', false],
    ]);
    expect(stored[2]!.id).toBe(stored[1]!.id);
    const [contact] = await db().select().from(contacts).where(eq(contacts.userId, 'd1'));
    expect(contact!.traits).toEqual({ plan: 'free' });
    expect(await db().select().from(events).where(eq(events.workspaceId, workspaceId))).toHaveLength(3);
  });

  it('recognises retries among events of known contacts too: the stored row is returned, nothing is stored again', async () => {
    const workspaceId = await workspace();
    await storeEvents(db(), workspaceId, calls({ type: 'identify', userId: 'k1', messageId: 'k-id' }, { type: 'track', userId: 'k1', messageId: 'k-seen', event: 'Seen' }));
    const stored = await storeEvents(
      db(),
      workspaceId,
      calls(
        { type: 'track', userId: 'k1', messageId: 'k-seen', event: 'Retried' },
        { type: 'page', userId: 'k1', messageId: 'k-twice', name: 'Home' },
        { type: 'track', userId: 'k1', messageId: 'k-twice', event: 'Second copy' },
      ),
    );
    expect(stored.map((event) => [event.messageId, event.type, event.name, event.duplicate])).toEqual([
      ['k-seen', 'track', 'Seen', true],
      ['k-twice', 'page', 'Home', false],
      ['k-twice', 'page', 'Home', true],
    ]);
    const rows = await db().select().from(events).where(eq(events.workspaceId, workspaceId)).orderBy(asc(events.messageId));
    expect(rows.map((row) => [row.messageId, row.name])).toEqual([
      ['k-id', null],
      ['k-seen', 'Seen'],
      ['k-twice', 'Home'],
    ]);
    expect(stored[0]!.id).toBe(rows[1]!.id);
  });

  it('stores each event once when the same batch arrives twice at once (a client retrying a slow answer)', async () => {
    const workspaceId = await workspace();
    await storeEvents(db(), workspaceId, calls({ type: 'identify', userId: 'r1' }, { type: 'identify', userId: 'r2' }));
    const batch = calls(...Array.from({ length: 40 }, (_, i) => ({ type: 'track', userId: `r${(i % 2) + 1}`, messageId: `same-${i}`, event: 'E' })));
    const answers = await Promise.all([storeEvents(db(), workspaceId, batch), storeEvents(db(), workspaceId, batch)]);
    for (let i = 0; i < batch.length; i++) {
      expect(answers.map((answer) => answer[i]!.duplicate).sort()).toEqual([false, true]);
      expect(answers[0]![i]!.id).toBe(answers[1]![i]!.id);
    }
    expect(await db().$count(events, eq(events.workspaceId, workspaceId))).toBe(42);
  });

  it('stores text and JSON that array literals escape exactly as sent: quotes, backslashes, braces, commas, NULL', async () => {
    const workspaceId = await workspace();
    const awkward = { quote: 'say "hi"', slash: 'C:\\tmp\\x', braces: '{a,b}', nested: { list: ['x,y', '}{', null] }, text: 'NULL', emoji: 'ü ✓ 🎉', lines: 'a\nb' };
    const context = { page: { title: '"Sale", {50%} off \\o/' } };
    await storeEvents(db(), workspaceId, calls({ type: 'track', userId: 'esc', messageId: 'esc-1', event: 'Say "hi", {now}', properties: awkward, context }, { type: 'page', userId: 'esc', messageId: 'esc-2' }));
    const rows = await db().select().from(events).where(eq(events.workspaceId, workspaceId)).orderBy(asc(events.messageId));
    expect(rows.map(({ name, properties, context, integrations }) => ({ name, properties, context, integrations }))).toMatchObject([
      { name: 'Say "hi", {now}', properties: awkward, context: expect.objectContaining(context), integrations: null },
      { properties: {} },
    ]);
  });

  it('stores more calls in one go than a multi-row INSERT could bind (65,535 parameters)', async () => {
    const workspaceId = await workspace();
    // More than one /v1/batch holds: 6,500 events, 71,500 values.
    const item = (i: number) => ({ type: 'track', userId: `c${i % 50}`, messageId: `many-${i}`, event: 'E' });
    const many = [0, 1, 2].flatMap((part) => calls(...Array.from({ length: 2500 }, (_, i) => item(part * 2500 + i)))).slice(0, 6500);
    const stored = await storeEvents(db(), workspaceId, many);
    expect(stored.filter((event) => !event.duplicate)).toHaveLength(6500);
    expect(await db().$count(events, eq(events.workspaceId, workspaceId))).toBe(6500);
    expect(await db().$count(contacts, eq(contacts.workspaceId, workspaceId))).toBe(50);
  }, 120_000);

  it('stores nothing when a call cannot be stored', async () => {
    const workspaceId = await workspace();
    const batch = calls({ type: 'identify', userId: 'atomic', messageId: 'a1', traits: { x: 1 } }, { type: 'track', userId: 'atomic', messageId: 'a2', event: 'E' });
    await expect(storeEvents(db(), 'no-such-workspace', batch)).rejects.toThrow();
    await storeEvents(db(), workspaceId, batch);
    expect(await db().$count(events, eq(events.workspaceId, workspaceId))).toBe(2);
    expect(await db().$count(contacts, eq(contacts.workspaceId, 'no-such-workspace'))).toBe(0);
  });
});
