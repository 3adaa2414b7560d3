import { and, eq, listMemberships, lists } from '@tend/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../activities.js';
import { startNodeHarness, type NodeHarness } from '../testing/node-harness.js';
import { addToList, removeFromList } from './lists.js';

describe('add-to-list and remove-from-list', () => {
  let harness: NodeHarness;

  beforeAll(async () => {
    harness = await startNodeHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function members(listId: string) {
    const rows = await harness.db
      .select({ contactId: listMemberships.contactId })
      .from(listMemberships)
      .where(and(eq(listMemberships.workspaceId, 'ws'), eq(listMemberships.listId, listId)));
    return rows.map((row) => row.contactId).sort();
  }

  it('creates the list on first use and adds the contact once, however often it runs', async () => {
    const ada = await harness.contact({ id: 'ada' });
    const grace = await harness.contact({ id: 'grace' });
    const visit = harness.context(ada);

    await harness.run(addToList, visit, { list: 'vip-customers' });
    await harness.run(addToList, visit, { list: 'vip-customers' });
    await harness.run(addToList, harness.context(ada), { list: 'vip-customers' });
    await harness.run(addToList, harness.context(grace), { list: 'vip-customers' });

    expect(await members('vip-customers')).toEqual(['ada', 'grace']);
    const created = await harness.db.select().from(lists).where(eq(lists.id, 'vip-customers'));
    expect(created).toMatchObject([{ workspaceId: 'ws', id: 'vip-customers', name: 'vip-customers' }]);
  });

  it('removes the contact, and removing again (or from a list they are not on) changes nothing', async () => {
    const linus = await harness.contact({ id: 'linus' });
    const kim = await harness.contact({ id: 'kim' });
    await harness.run(addToList, harness.context(linus), { list: 'newsletter' });
    await harness.run(addToList, harness.context(kim), { list: 'newsletter' });

    const visit = harness.context(linus);
    await harness.run(removeFromList, visit, { list: 'newsletter' });
    await harness.run(removeFromList, visit, { list: 'newsletter' });
    await harness.run(removeFromList, harness.context(linus), { list: 'never-created' });

    expect(await members('newsletter')).toEqual(['kim']);
  });

  it('adds nobody for a contact that no longer exists', async () => {
    await expect(harness.run(addToList, harness.context('ct_gone'), { list: 'ghosts' })).resolves.toEqual({ output: 'next' });
    expect(await members('ghosts')).toEqual([]);
  });

  it('is registered with runAction, which validates the config first', async () => {
    const { runAction } = createActivities(harness.deps);
    const mo = await harness.contact({ id: 'mo' });
    const input = { ...harness.context(mo), type: 'add-to-list', version: 1 };

    await expect(runAction({ ...input, config: { list: 'from-runaction' } })).resolves.toEqual({ output: 'next' });
    expect(await members('from-runaction')).toEqual(['mo']);
    await expect(runAction({ ...input, config: { list: 'Not A Slug' } })).rejects.toMatchObject({ nonRetryable: true });
  });
});
