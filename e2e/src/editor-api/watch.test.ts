// Watching a live journey: counts per node by output id, the contacts at a node now, and a
// person removing or moving one contact with a reason kept on their trail and in the audit log.
import { and, auditLog, eq, nodeVisits } from '@tend/db';
import { eventually } from '../support/wait.js';
import { email, expect, journey, test } from '../support/index.js';

test('stats count entries, waiting contacts and exits by output id; the list shows entries and a trend', async ({ tend }) => {
  await tend.publishExample('welcome');
  await tend.identify('watch-ada', { email: 'ada@watch.example', firstName: 'Ada' });
  await tend.identify('watch-bob', { email: 'bob@watch.example', firstName: 'Bob' });
  await tend.waitForMail('bob@watch.example', 1);
  await eventually(async () => ((await tend.api.journeys.stats({ id: 'welcome' })).nodes['two-days']?.waiting === 2 ? true : null), 'both contacts to wait');

  const waiting = await tend.api.journeys.stats({ id: 'welcome' });
  expect(waiting.active).toBe(2);
  expect(waiting.nodes['signed-up']).toEqual({ entered: 2, waiting: 0, converted: 0, skipped: 0, failed: 0, deferred: 0, byOutput: { next: 2 } });
  expect(waiting.nodes['welcome-email']).toMatchObject({ entered: 2, byOutput: { next: 2 } });
  expect(waiting.nodes['two-days']).toEqual({ entered: 2, waiting: 2, converted: 0, skipped: 0, failed: 0, deferred: 0, byOutput: {} });
  expect(waiting.visits).toContainEqual({ nodeId: 'signed-up', outcome: 'entered', count: 2 });

  const listed = (await tend.api.journeys.list()).find((row) => row.id === 'welcome');
  expect(listed).toMatchObject({ entries7d: 2, entries30d: 2, conversions30d: 0, hasDraft: false });
  expect(listed?.trend.at(-1)).toEqual({ day: new Date().toISOString().slice(0, 10), entries: 2, conversions: 0 });

  // contactsAt: the contacts at the wait, longest there first, searchable and paged.
  const page1 = await tend.api.journeys.contactsAt({ id: 'welcome', nodeId: 'two-days', limit: 1 });
  expect(page1.contacts).toHaveLength(1);
  expect(page1.nextCursor).not.toBeNull();
  const page2 = await tend.api.journeys.contactsAt({ id: 'welcome', nodeId: 'two-days', limit: 1, cursor: page1.nextCursor });
  expect([...page1.contacts, ...page2.contacts].map(({ userId }) => userId).sort()).toEqual(['watch-ada', 'watch-bob']);
  expect(page2.nextCursor).toBeNull();
  const found = await tend.api.journeys.contactsAt({ id: 'welcome', nodeId: 'two-days', search: 'BOB@watch' });
  expect(found.contacts).toEqual([{ contactId: await tend.contactId('watch-bob'), userId: 'watch-bob', email: 'bob@watch.example', since: expect.stringMatching(/Z$/) }]);
  expect((await tend.api.journeys.contactsAt({ id: 'welcome', nodeId: 'welcome-email' })).contacts).toEqual([]);

  // Ada orders; two days later the branch sends her to "ordered" and Bob to "else".
  await tend.track('watch-ada', 'Order Completed', { total: 10 });
  await tend.sleep('2 days');
  await Promise.all([tend.ended('watch-ada', 'welcome'), tend.ended('watch-bob', 'welcome')]);
  const done = await tend.api.journeys.stats({ id: 'welcome' });
  expect(done.active).toBe(0);
  expect(done.nodes['two-days']).toEqual({ entered: 2, waiting: 0, converted: 0, skipped: 0, failed: 0, deferred: 0, byOutput: { next: 2 } });
  expect(done.nodes.purchased).toEqual({ entered: 2, waiting: 0, converted: 0, skipped: 0, failed: 0, deferred: 0, byOutput: { ordered: 1, else: 1 } });
});

test('legacy visits without an output id are counted by case id, through the version graph', async ({ tend }) => {
  await tend.publish(
    journey('legacy', {
      nodes: {
        go: ['trigger.event', { event: 'legacy go' }],
        pick: ['branch', { cases: [{ id: 'vip', label: 'Big spenders', condition: { kind: 'attribute', attribute: 'vip', op: 'eq', value: true } }] }],
        ab: ['split', { paths: [{ id: 'a', label: 'Path A', percent: 50 }, { id: 'b', label: 'Path B', percent: 50 }] }],
        done: ['exit'],
      },
      edges: ['go -> pick', 'pick:vip -> ab', 'pick:else -> ab', 'ab:a -> done', 'ab:b -> done'],
    }),
  );
  const row = { workspaceId: tend.workspace.id, journeyId: 'legacy', version: 1, contactId: 'c_old', workflowId: 'wf-old', visit: 1, at: new Date() };
  await tend.database.db.insert(nodeVisits).values([
    { ...row, nodeId: 'pick', outcome: 'branch:Big spenders' },
    { ...row, nodeId: 'pick', outcome: 'branch:else' },
    { ...row, nodeId: 'ab', outcome: 'split:Path B' },
    { ...row, nodeId: 'go', outcome: 'entered' },
    { ...row, nodeId: 'ab', outcome: 'exited' },
  ]);
  const { nodes } = await tend.api.journeys.stats({ id: 'legacy' });
  expect(nodes.pick?.byOutput).toEqual({ vip: 1, else: 1 });
  expect(nodes.ab).toEqual({ entered: 2, waiting: 0, converted: 0, skipped: 0, failed: 0, deferred: 0, byOutput: { b: 1 } });
  expect(nodes.go?.byOutput).toEqual({ next: 1 });
});

test('a person removes one contact and moves another, with reasons on the trail and in the audit log', async ({ tend }) => {
  await tend.publish(
    journey('handled', {
      nodes: { go: ['trigger.event', { event: 'handled go' }], first: ['wait', { amount: 10, unit: 'days' }], mail: email('Handled'), second: ['wait', { amount: 10, unit: 'days' }], done: ['exit'] },
      edges: ['go -> first', 'first -> mail', 'mail -> second', 'second -> done'],
    }),
  );
  for (const user of ['handled-rem', 'handled-mov']) {
    await tend.identify(user, { email: `${user}@watch.example` });
    await tend.track(user, 'handled go');
  }
  await eventually(async () => ((await tend.api.journeys.stats({ id: 'handled' })).nodes.first?.waiting === 2 ? true : null), 'both contacts at the first wait');
  const removed = await tend.contactId('handled-rem');
  const moved = await tend.contactId('handled-mov');

  await expect(tend.api.journeys.removeContact({ id: 'handled', contactId: removed, reason: '' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  await expect(tend.api.journeys.moveContact({ id: 'handled', contactId: moved, toNodeId: 'nowhere', reason: 'test' })).rejects.toThrow(
    'there is no node "nowhere" in version 1 of "handled", which this contact runs',
  );
  await expect(tend.api.journeys.removeContact({ id: 'handled', contactId: 'c_not_in_it', reason: 'test' })).rejects.toMatchObject({ code: 'NOT_FOUND' });

  expect(await tend.api.journeys.removeContact({ id: 'handled', contactId: removed, reason: 'asked to stop by phone' })).toEqual({ ok: true });
  expect(await tend.api.journeys.moveContact({ id: 'handled', contactId: moved, toNodeId: 'second', reason: 'skip the first wait' })).toEqual({ ok: true });

  expect((await tend.ended('handled-rem', 'handled')).status).not.toBe('active');
  const removedTrail = await eventually(async () => {
    const rows = await tend.database.db.select().from(nodeVisits).where(and(eq(nodeVisits.contactId, removed), eq(nodeVisits.journeyId, 'handled')));
    return rows.find((visit) => visit.outcome === 'removed') ?? null;
  }, 'the removal on the trail');
  expect(removedTrail).toMatchObject({ nodeId: 'first', detail: { reason: 'asked to stop by phone', by: tend.owner.email } });

  await eventually(async () => ((await tend.api.journeys.stats({ id: 'handled' })).nodes.second?.waiting === 1 ? true : null), 'the moved contact at the second wait');
  const at = await tend.api.journeys.contactsAt({ id: 'handled', nodeId: 'second' });
  expect(at.contacts.map(({ contactId }) => contactId)).toEqual([moved]);
  const movedTrail = (await tend.database.db.select().from(nodeVisits).where(and(eq(nodeVisits.contactId, moved), eq(nodeVisits.journeyId, 'handled')))).find((visit) => visit.outcome === 'moved');
  expect(movedTrail).toMatchObject({ nodeId: 'first', detail: { reason: 'skip the first wait', by: tend.owner.email, to: 'second' } });

  const audit = await tend.database.db.select().from(auditLog).where(eq(auditLog.target, 'handled'));
  expect(audit.map(({ action, detail }) => ({ action, detail }))).toEqual(
    expect.arrayContaining([
      { action: 'journey.remove-contact', detail: { contactId: removed, reason: 'asked to stop by phone' } },
      { action: 'journey.move-contact', detail: { contactId: moved, toNodeId: 'second', reason: 'skip the first wait' } },
    ]),
  );
  // Removed and ended: refused as not in the journey now.
  await expect(tend.api.journeys.moveContact({ id: 'handled', contactId: removed, toNodeId: 'second', reason: 'again' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
});
