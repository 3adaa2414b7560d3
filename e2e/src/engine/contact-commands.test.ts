import { moveSignal } from '@tend/journey/ir';
import { describe } from 'vitest';
import { email, eventually, expect, journey, settle, test, type Tend } from '../support/index.js';

/** Waits up to 3 days for "<id> paid": a thank-you if it comes, a reminder if not. */
const invoice = (id: string) =>
  journey(id, {
    nodes: {
      go: ['trigger.event', { event: `${id} go` }],
      'wait-paid': ['wait-for-event', { event: `${id} paid`, timeout: { amount: 3, unit: 'days' } }],
      thanks: email(`${id}: thanks`),
      reminder: email(`${id}: reminder`),
      done: ['exit'],
    },
    edges: ['go -> wait-paid', 'wait-paid:happened -> thanks', 'wait-paid:timed-out -> reminder', 'thanks -> done', 'reminder -> done'],
  });

/** Enters `userId` and resolves once the routing index shows them waiting at wait-paid. */
async function waitingToPay(tend: Tend, journeyId: string, userId: string) {
  await tend.identify(userId, { email: `${userId}@example.com` });
  await tend.track(userId, `${journeyId} go`);
  return eventually(async () => {
    const row = await tend.enrolment(userId, journeyId);
    return row?.currentNode === 'wait-paid' ? row : null;
  }, `${userId} to wait at wait-paid`);
}

describe('where a run is, and a person moving or removing one contact', () => {
  test('a run waiting at a wait-for-event shows that node in the routing index, and clears it as it ends', async ({ tend }) => {
    await tend.publish(invoice('cc-where'));
    const before = await tend.now();
    const waiting = await waitingToPay(tend, 'cc-where', 'cc-w');
    expect(waiting.currentSince!.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    expect(waiting.status).toBe('active');

    await tend.track('cc-w', 'cc-where paid');
    await tend.waitForMail('cc-w@example.com', 1);
    const ended = await tend.ended('cc-w', 'cc-where');
    expect([ended.status, ended.currentNode, ended.currentSince]).toEqual(['completed', null, null]);
  });

  test('moveContact takes a waiting contact to another node with the reason on its trail, and it goes on from there', async ({ tend }) => {
    await tend.publish(invoice('cc-move'));
    await waitingToPay(tend, 'cc-move', 'cc-m');
    const contactId = await tend.contactId('cc-m');

    expect(await tend.api.journeys.moveContact({ id: 'cc-move', contactId, toNodeId: 'reminder', reason: 'paid by cheque, remind them anyway' })).toEqual({ ok: true });
    const [mail] = await tend.waitForMail('cc-m@example.com', 1);
    expect(mail!.subject).toBe('cc-move: reminder');
    expect((await tend.ended('cc-m', 'cc-move')).status).toBe('completed');

    const trail = await tend.trail('cc-m', 'cc-move');
    expect(trail.map((row) => `${row.nodeId}:${row.outcome}`)).toEqual(['go:entered', 'wait-paid:moved', 'reminder:sent', 'done:exited']);
    const moved = trail[1]!;
    expect(moved.output).toBeNull();
    expect(moved.detail).toEqual({ reason: 'paid by cheque, remind them anyway', by: expect.any(String), to: 'reminder' });
    expect(moved.detail!.by).not.toBe('');
  });

  test('a move to a wait starts that wait afresh: the routing index shows the contact there', async ({ tend }) => {
    await tend.publish(
      journey('cc-rewait', {
        nodes: {
          go: ['trigger.event', { event: 'cc-rewait go' }],
          'wait-paid': ['wait-for-event', { event: 'cc-rewait paid', timeout: { amount: 3, unit: 'days' } }],
          'a-week': ['wait', { amount: 7, unit: 'days' }],
          later: email('cc-rewait: later'),
          done: ['exit'],
        },
        edges: ['go -> wait-paid', 'wait-paid:happened -> done', 'wait-paid:timed-out -> a-week', 'a-week -> later', 'later -> done'],
      }),
    );
    await waitingToPay(tend, 'cc-rewait', 'cc-rw');
    await tend.api.journeys.moveContact({ id: 'cc-rewait', contactId: await tend.contactId('cc-rw'), toNodeId: 'a-week', reason: 'give them a week' });
    await eventually(async () => (await tend.enrolment('cc-rw', 'cc-rewait'))?.currentNode === 'a-week', 'the index to show cc-rw at a-week');
    expect(await tend.position('cc-rw', 'cc-rewait')).toMatchObject({ nodeId: 'a-week', status: 'waiting', waitingFor: 'time' });
    await tend.sleep('8 days');
    await tend.waitForMail('cc-rw@example.com', 1);
    await tend.ended('cc-rw', 'cc-rewait');
    expect(await tend.path('cc-rw', 'cc-rewait')).toEqual(['go:entered', 'wait-paid:moved', 'a-week:waited', 'later:sent', 'done:exited']);
  });

  test('removeContact ends the run "stopped" with the reason on its trail; nothing more is sent', async ({ tend }) => {
    await tend.publish(invoice('cc-remove'));
    await waitingToPay(tend, 'cc-remove', 'cc-r');
    const contactId = await tend.contactId('cc-r');

    expect(await tend.api.journeys.removeContact({ id: 'cc-remove', contactId, reason: 'asked us to stop' })).toEqual({ ok: true });
    const ended = await tend.ended('cc-r', 'cc-remove');
    expect([ended.status, ended.currentNode]).toEqual(['stopped', null]);
    const trail = await tend.trail('cc-r', 'cc-remove');
    expect(trail.map((row) => `${row.nodeId}:${row.outcome}`)).toEqual(['go:entered', 'wait-paid:removed']);
    expect(trail[1]).toMatchObject({ output: null, detail: { reason: 'asked us to stop', by: expect.any(String) } });
    await tend.sleep('4 days');
    await settle();
    expect(tend.mailTo('cc-r@example.com')).toEqual([]);
  });

  test('a run refuses a move to a node its version lacks: it records the refusal and keeps waiting, deadline unchanged', async ({ tend }) => {
    await tend.publish(invoice('cc-refuse'));
    await waitingToPay(tend, 'cc-refuse', 'cc-x');
    // The server checks the node first; this is the run's own guard, reached by signalling it directly.
    const handle = tend.env.client.workflow.getHandle(await tend.workflowId('cc-x', 'cc-refuse'));
    await handle.signal(moveSignal, { toNodeId: 'no-such-node', reason: 'typo', by: 'test' });
    const refused = await eventually(async () => (await tend.trail('cc-x', 'cc-refuse')).find((row) => row.outcome === 'move-refused'), 'the refusal on the trail');
    expect(refused).toMatchObject({ nodeId: 'wait-paid', output: null, detail: { to: 'no-such-node', reason: 'typo', by: 'test' } });
    expect((await tend.enrolment('cc-x', 'cc-refuse'))?.currentNode).toBe('wait-paid');

    await tend.sleep('3 days');
    const [mail] = await tend.waitForMail('cc-x@example.com', 1);
    expect(mail!.subject).toBe('cc-refuse: reminder');
    await tend.ended('cc-x', 'cc-refuse');
    expect(await tend.path('cc-x', 'cc-refuse')).toEqual(['go:entered', 'wait-paid:move-refused', 'wait-paid:timed-out', 'reminder:sent', 'done:exited']);
  });
});
