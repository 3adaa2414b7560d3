import { contactAliases, contacts, eq, erasures, events, ingestionErrors, messages, sql, type Database, type DatabaseHandle } from '@tend/db';
import { availableTestDatabases, openTestDatabase, seedWorkspace } from '@tend/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactTables } from '../identity/contact-rows.js';
import { mergeContacts } from '../identity/merge-contacts.js';
import { addEvents, addPerson, addRun, addTheRest, addToList } from '../identity/test-people.js';
import { eraseContact } from './erase-contact.js';

const asOf = new Date('2024-05-01T00:00:00Z');

describe.each(availableTestDatabases())('eraseContact on %s', (kind) => {
  let database: DatabaseHandle;
  let workspaces = 0;
  const db = () => database.db;
  const workspace = () => seedWorkspace(db(), { id: `erase-${++workspaces}` });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database?.close());

  /** Ada, with something in every table, and Grace beside her, who must be left as she is. */
  async function adaAndGrace(workspaceId: string) {
    const ada = await addPerson(db(), workspaceId, { id: `${workspaceId}-ada`, userId: 'u-ada', email: 'ada@example.com', traits: { name: 'Ada' } });
    const visitor = await addPerson(db(), workspaceId, { id: `${workspaceId}-visitor`, anonymousId: 'a-ada' });
    await mergeContacts(db(), { workspaceId, from: visitor, into: ada, via: 'identify', asOf });
    const grace = await addPerson(db(), workspaceId, { id: `${workspaceId}-grace`, userId: 'u-grace', email: 'grace@example.com' });
    for (const [person, tag] of [[ada, 'a'], [grace, 'g']] as const) {
      await addEvents(db(), workspaceId, person, [new Date('2024-01-01'), new Date('2024-02-01')]);
      await addToList(db(), workspaceId, person, 'vip');
      await addTheRest(db(), workspaceId, person, tag);
    }
    const running = await addRun(db(), workspaceId, ada, 'welcome');
    await addRun(db(), workspaceId, ada, 'old-promo', 'completed');
    await addRun(db(), workspaceId, grace, 'welcome');
    await db().insert(contactAliases).values([
      { workspaceId, previousId: 'a-ada', userId: 'u-ada' },
      { workspaceId, previousId: 'a-grace', userId: 'u-grace' },
    ]);
    await db().insert(ingestionErrors).values([
      { workspaceId, callType: 'identify', field: 'traits.timezone', message: 'unknown time zone', payload: { userId: 'u-ada', traits: { timezone: 'Mars/Olympus' } } },
      { workspaceId, callType: 'track', field: 'event', message: 'event is required', payload: { userId: 'u-grace' } },
    ]);
    return { ada, grace, running };
  }

  it('removes the person and all that is theirs, stops their runs, and keeps an audit record without personal data', async () => {
    const workspaceId = await workspace();
    const { ada, grace, running } = await adaAndGrace(workspaceId);
    const graceBefore = await rowsOf(db(), grace);

    const erasure = await eraseContact(db(), workspaceId, ada, { requestedBy: 'user_admin', asOf });

    expect(erasure?.endRuns).toEqual([{ journeyId: 'welcome', workflowId: running, reason: 'contact erased' }]);
    expect(await rowsOf(db(), ada)).toEqual(Object.fromEntries(Object.keys(graceBefore).map((table) => [table, []])));
    expect(await db().$count(contacts, eq(contacts.workspaceId, workspaceId))).toBe(1);
    // Grace is untouched.
    expect(await rowsOf(db(), grace)).toEqual(graceBefore);
    expect(await db().$count(contactAliases, eq(contactAliases.workspaceId, workspaceId))).toBe(1);
    expect(await db().$count(ingestionErrors, eq(ingestionErrors.workspaceId, workspaceId))).toBe(1);

    // The ledger keeps Ada's sends (a retried send finds its key and does not go out), with nothing personal left.
    const ledger = await db().select().from(messages).where(eq(messages.workspaceId, workspaceId));
    const hers = ledger.filter((row) => row.contactId !== grace);
    expect(hers).toHaveLength(2);
    for (const row of hers) expect(row).toMatchObject({ contactId: 'erased', recipient: '', subject: null, body: null, html: null, providerMessageId: null, status: 'sent' });

    const [audit] = await db().select().from(erasures).where(eq(erasures.workspaceId, workspaceId));
    expect(audit).toMatchObject({ requestedBy: 'user_admin', erasedAt: asOf });
    expect(audit!.counts).toMatchObject({ contacts: 1, events: 2, list_memberships: 1, segment_memberships: 1, account_memberships: 1, enrolments: 2, node_visits: 2, runs_stopped: 1, messages_scrubbed: 2, identity_merges: 1, contact_aliases: 1, ingestion_errors: 1, push_subscriptions: 1 });
    const recorded = JSON.stringify(audit);
    for (const personal of ['ada', 'u-ada', 'a-ada', ada]) expect(recorded).not.toContain(personal);
  });

  it('is null, and records nothing, for a contact the workspace does not have', async () => {
    const workspaceId = await workspace();
    expect(await eraseContact(db(), workspaceId, 'nobody', { requestedBy: null })).toBeNull();
    expect(await db().$count(erasures, eq(erasures.workspaceId, workspaceId))).toBe(0);
  });

  it('erases nothing when it fails part-way', async () => {
    const workspaceId = await workspace();
    const { ada } = await adaAndGrace(workspaceId);
    const before = await rowsOf(db(), ada);
    await db().execute(sql.raw(`alter table erasures add constraint refuse_${workspaceId.replace('-', '_')} check (workspace_id <> '${workspaceId}')`));
    await expect(eraseContact(db(), workspaceId, ada, { requestedBy: null })).rejects.toThrow();
    await db().execute(sql.raw(`alter table erasures drop constraint refuse_${workspaceId.replace('-', '_')}`));
    expect(await rowsOf(db(), ada)).toEqual(before);
    expect(await db().$count(events, eq(events.contactId, ada))).toBe(2);
  });
});

/** One contact's rows in every table that keeps rows by contact, and their profile. */
async function rowsOf(db: Database, contactId: string) {
  const rows: Record<string, unknown[]> = {};
  for (const table of ['contacts', ...Object.keys(contactTables), 'push_subscriptions']) {
    const column = table === 'contacts' ? sql`id` : sql`contact_id`;
    const result = (await db.execute(sql`select * from ${sql.identifier(table)} where ${column} = ${contactId} order by 1, 2`)) as unknown as { rows: unknown[] };
    rows[table] = result.rows;
  }
  return rows;
}
