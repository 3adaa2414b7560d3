import type { EmailTransport } from '@tend/channels';
import { and, eq, listMemberships, lists, type Database, type DatabaseHandle } from '@tend/db';
import { insertContact, openTestDatabase, seedWorkspace, testWorkspaceId } from '@tend/db/testing';
import { runNode } from '@tend/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../activities.js';
import { addToList, removeFromList } from './lists.js';

describe('add-to-list and remove-from-list', () => {
  let database: DatabaseHandle;
  let db: Database;

  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.db;
    await seedWorkspace(db);
  });
  afterAll(async () => {
    await database?.close();
  });

  /** The contact's nth visit to the list step: each visit has its own idempotency key. */
  const visit = (contactId: string, n = 1) => ({ workspaceId: testWorkspaceId, contactId, idempotencyKey: `${contactId}/visit-${n}` });

  async function members(listId: string) {
    const rows = await db
      .select({ contactId: listMemberships.contactId })
      .from(listMemberships)
      .where(and(eq(listMemberships.workspaceId, testWorkspaceId), eq(listMemberships.listId, listId)));
    return rows.map((row) => row.contactId).sort();
  }

  it('creates the list on first use and adds the contact once, however often it runs', async () => {
    const ada = await insertContact(db, { id: 'ada' });
    const grace = await insertContact(db, { id: 'grace' });
    const config = { list: 'vip-customers' };

    expect(await runNode(addToList, { config, deps: { db }, context: visit(ada) })).toEqual({ ok: true, output: 'next' });
    await runNode(addToList, { config, deps: { db }, context: visit(ada) });
    await runNode(addToList, { config, deps: { db }, context: visit(ada, 2) });
    await runNode(addToList, { config, deps: { db }, context: visit(grace) });

    expect(await members('vip-customers')).toEqual(['ada', 'grace']);
    const created = await db.select().from(lists).where(eq(lists.id, 'vip-customers'));
    expect(created).toMatchObject([{ workspaceId: testWorkspaceId, id: 'vip-customers', name: 'vip-customers' }]);
  });

  it('removes the contact, and removing again (or from a list they are not on) changes nothing', async () => {
    const linus = await insertContact(db, { id: 'linus' });
    const kim = await insertContact(db, { id: 'kim' });
    const newsletter = { list: 'newsletter' };
    await runNode(addToList, { config: newsletter, deps: { db }, context: visit(linus) });
    await runNode(addToList, { config: newsletter, deps: { db }, context: visit(kim) });

    expect(await runNode(removeFromList, { config: newsletter, deps: { db }, context: visit(linus, 2) })).toEqual({ ok: true, output: 'next' });
    await runNode(removeFromList, { config: newsletter, deps: { db }, context: visit(linus, 2) });
    await runNode(removeFromList, { config: { list: 'never-created' }, deps: { db }, context: visit(linus, 3) });

    expect(await members('newsletter')).toEqual(['kim']);
  });

  it('adds nobody for a contact that no longer exists', async () => {
    await expect(runNode(addToList, { config: { list: 'ghosts' }, deps: { db }, context: visit('ct_gone') })).resolves.toEqual({ ok: true, output: 'next' });
    expect(await members('ghosts')).toEqual([]);
  });

  it('is registered with runAction, which validates the config first', async () => {
    const noEmail: EmailTransport = { send: () => Promise.reject(new Error('adding to a list sends no email')), close: () => {} };
    const { runAction } = createActivities({ db, email: noEmail });
    const mo = await insertContact(db, { id: 'mo' });
    const input = { ...visit(mo), journeyId: 'welcome', nodeId: 'join', entryEvent: { name: null, properties: {} }, type: 'add-to-list', version: 1 };

    await expect(runAction({ ...input, config: { list: 'from-runaction' } })).resolves.toEqual({ output: 'next' });
    expect(await members('from-runaction')).toEqual(['mo']);
    await expect(runAction({ ...input, config: { list: 'Not A Slug' } })).rejects.toMatchObject({ nonRetryable: true });
  });
});
