import { contactAliases, type DatabaseHandle } from '@tend/db';
import { availableTestDatabases, openTestDatabase, seedWorkspace } from '@tend/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeContacts } from '../identity/merge-contacts.js';
import { addEvents, addPerson, addRun, addTheRest, addToList } from '../identity/test-people.js';
import { exportContact } from './export-contact.js';

const day = (n: number) => new Date(Date.UTC(2024, 0, n));

describe.each(availableTestDatabases())('exportContact on %s', (kind) => {
  let database: DatabaseHandle;
  let workspaces = 0;
  const db = () => database.db;
  const workspace = () => seedWorkspace(db(), { id: `export-${++workspaces}` });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database?.close());

  it('gives one contact\'s profile, identities, events in time order, messages, journeys, lists, segments, merges and consent as JSON', async () => {
    const workspaceId = await workspace();
    const ada = await addPerson(db(), workspaceId, { id: 'ada', userId: 'u-ada', email: 'ada@example.com', traits: { name: 'Ada', phone: '+447700900001' } });
    const visitor = await addPerson(db(), workspaceId, { id: 'visitor', anonymousId: 'a-ada' });
    const someoneElse = await addPerson(db(), workspaceId, { id: 'grace', userId: 'u-grace' });
    await addEvents(db(), workspaceId, ada, [day(9), day(2)], 'Ordered');
    await addEvents(db(), workspaceId, visitor, [day(5)], 'Viewed');
    await addEvents(db(), workspaceId, someoneElse, [day(3)], 'Viewed');
    await addToList(db(), workspaceId, ada, 'vip');
    await addRun(db(), workspaceId, ada, 'welcome');
    await addTheRest(db(), workspaceId, ada, 'a');
    await db().insert(contactAliases).values({ workspaceId, previousId: 'old-ada', userId: 'u-ada' });
    await mergeContacts(db(), { workspaceId, from: visitor, into: ada, via: 'identify', messageId: 'm1', asOf: day(6) });

    const exported = await exportContact(db(), workspaceId, ada, { asOf: day(10) });

    // It survives JSON as it is: what the API hands over.
    const json = JSON.parse(JSON.stringify(exported));
    expect(json.exportedAt).toBe('2024-01-10T00:00:00.000Z');
    expect(json.profile).toMatchObject({ id: 'ada', userId: 'u-ada', anonymousId: 'a-ada', email: 'ada@example.com', traits: { name: 'Ada', phone: '+447700900001' } });
    expect(json.identities).toEqual([
      { kind: 'userId', value: 'u-ada' },
      { kind: 'anonymousId', value: 'a-ada' },
      { kind: 'email', value: 'ada@example.com' },
      { kind: 'phone', value: '+447700900001' },
      { kind: 'alias', value: 'old-ada' },
    ]);
    expect(json.events.map((event: { name: string; occurredAt: string }) => `${event.name} ${event.occurredAt.slice(0, 10)}`)).toEqual(['Ordered 2024-01-02', 'Viewed 2024-01-05', 'Ordered 2024-01-09']);
    expect(json.messages).toEqual([expect.objectContaining({ channel: 'email', recipient: 'ada@example.com', subject: 'Hello ada', status: 'sent' })]);
    expect(json.journeys.enrolments).toEqual([expect.objectContaining({ journeyId: 'welcome', status: 'active' })]);
    expect(json.journeys.visits).toEqual([expect.objectContaining({ journeyId: 'welcome', nodeId: 'mail', outcome: 'sent' })]);
    expect(json.journeys.profileChanges).toEqual([expect.objectContaining({ type: 'update-profile', effect: { set: { tier: 'a' } } })]);
    expect(json.lists).toEqual([expect.objectContaining({ listId: 'vip', name: 'List vip' })]);
    expect(json.segments).toEqual([expect.objectContaining({ segment: 'segment-a' })]);
    expect(json.accounts).toEqual([expect.objectContaining({ accountId: 'account-a' })]);
    expect(json.scores).toMatchObject({ rfm: { group: 'Promising', r: 5 }, lifetimeValue: { expectedSpend: 30 } });
    expect(json.merges).toEqual([expect.objectContaining({ fromContactId: 'visitor', via: 'identify', messageId: 'm1' })]);
    expect(json.consent).toEqual({ webPush: [{ pushService: 'https://push.example', since: expect.any(String) }] });
    // Nothing of anyone else.
    expect(JSON.stringify(json)).not.toContain('grace');
  });

  it('is null for a contact the workspace does not have', async () => {
    const workspaceId = await workspace();
    const other = await workspace();
    await addPerson(db(), other, { id: 'theirs', userId: 'u' });
    expect(await exportContact(db(), workspaceId, 'theirs')).toBeNull();
  });
});
