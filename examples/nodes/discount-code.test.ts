import { contacts, eq } from '@tend/db';
import { insertContact, openTestDatabase, seedWorkspace } from '@tend/db/testing';
import { compileJourney } from '@tend/journey';
import { runNode } from '@tend/sdk';
import { describe, expect, it } from 'vitest';
import { discountCode } from './discount-code.js';

describe('the example custom node, through the SDK harness (no Temporal)', () => {
  it('stores one stable code on the profile, however often the activity retries', async () => {
    const database = await openTestDatabase('pglite');
    const workspaceId = await seedWorkspace(database.db);
    await insertContact(database.db, { id: 'ct_1', workspaceId, traits: { firstName: 'Ada' } });
    const run = () => runNode(discountCode, { config: { prefix: 'WELCOME', percentOff: 15 }, deps: { db: database.db }, context: { contactId: 'ct_1', idempotencyKey: 'wf/run/node/1' } });
    expect(await run()).toEqual({ ok: true, output: 'next' });
    const [first] = await database.db.select().from(contacts).where(eq(contacts.id, 'ct_1'));
    expect(first!.traits).toMatchObject({ firstName: 'Ada', discountCode: expect.stringMatching(/^WELCOME15-[0-9A-F]{6}$/), discountPercent: 15 });
    await run();
    const [second] = await database.db.select().from(contacts).where(eq(contacts.id, 'ct_1'));
    expect(second!.traits.discountCode).toBe(first!.traits.discountCode);
    await database.close();
  });

  it('reports a bad config with its field, as publish would', async () => {
    const result = await runNode(discountCode, { config: { prefix: 'welcome', percentOff: 80 }, deps: { db: null as never } });
    expect(result).toEqual({
      ok: false,
      problems: [
        { field: 'prefix', message: 'use 2 to 8 capital letters, e.g. "WELCOME"' },
        { field: 'percentOff', message: 'at most 50%' },
      ],
    });
  });

  it('is accepted in a journey once the server knows it, and refused when it does not', () => {
    const journey = {
      id: 'vip',
      name: 'VIP code',
      nodes: [
        { id: 'in', type: 'trigger.event', data: { event: 'Became VIP' } },
        { id: 'code', type: 'acme.discount-code', data: { prefix: 'VIP', percentOff: 20 } },
        { id: 'out', type: 'exit' },
      ],
      edges: [
        { id: 'a', source: 'in', target: 'code' },
        { id: 'b', source: 'code', target: 'out' },
      ],
    };
    expect(compileJourney(journey, { nodes: [discountCode] }).ok).toBe(true);
    expect(compileJourney(journey)).toMatchObject({ ok: false, problems: [{ nodeId: 'code', field: 'type' }] });
  });
});
