import { describe } from 'vitest';
import { email, eventually, expect, journey, settle, test } from '../support/index.js';

const day = 86_400_000;

describe("a contact's position (the workflow's query) and trail (node_visits)", () => {
  test('while waiting, contacts.get says which node and until when; afterwards the trail has one row per visited node', async ({ tend }) => {
    await tend.publish(
      journey('position', {
        nodes: {
          go: ['trigger.event', { event: 'position go' }],
          cool: ['wait', { amount: 2, unit: 'days' }],
          reply: ['wait-for-event', { event: 'position reply', timeout: { amount: 3, unit: 'days' } }],
          thanks: email('Thanks for replying'),
          done: ['exit'],
          silent: ['exit'],
        },
        edges: ['go -> cool', 'cool -> reply', 'reply:happened -> thanks', 'reply:timed-out -> silent', 'thanks -> done'],
      }),
    );
    await tend.identify('pos', { email: 'pos@example.com' });
    await tend.track('pos', 'position go');
    const enrolment = await eventually(() => tend.enrolment('pos', 'position'), 'the entry');
    const entered = enrolment.enteredAt.getTime();

    const first = await eventually(async () => {
      const { journeys } = await tend.api.contacts.get({ id: 'pos' });
      return journeys[0]?.position?.status === 'waiting' ? journeys[0] : null;
    }, 'the first wait');
    expect(first).toMatchObject({
      journeyId: 'position',
      version: 1,
      status: 'active',
      position: { version: 1, nodeId: 'cool', status: 'waiting', waitingFor: 'time', converted: false },
    });
    // The wait starts when the contact reaches it, moments after entering.
    const coolUntil = Date.parse(first.position!.waitingUntil!);
    // (A second of slack: on a loaded machine a retried first workflow task can stamp the entry a
    // few milliseconds after the wait's start; seen once, 2 ms.)
    expect(coolUntil - entered).toBeGreaterThanOrEqual(2 * day - 1_000);
    expect(coolUntil - entered).toBeLessThan(2 * day + 60_000);
    // The entry is on record at once, though the first step lasts two days.
    expect((await tend.api.journeys.stats({ id: 'position' })).visits).toEqual([{ nodeId: 'go', outcome: 'entered', count: 1 }]);

    await tend.sleep('2 days');
    const second = await eventually(async () => {
      const { journeys } = await tend.api.contacts.get({ id: 'pos' });
      return journeys[0]?.position?.nodeId === 'reply' ? journeys[0].position : null;
    }, 'the wait for a reply');
    expect(second).toMatchObject({ status: 'waiting', waitingFor: 'position reply' });
    const replyBy = Date.parse(second.waitingUntil!);
    expect(replyBy - entered).toBeGreaterThanOrEqual(5 * day);
    expect(replyBy - entered).toBeLessThan(5 * day + 60_000);

    await tend.sleep('1 hour');
    await tend.track('pos', 'position reply');
    await tend.waitForMail('pos@example.com', 1);
    const after = await eventually(async () => {
      const { journeys } = await tend.api.contacts.get({ id: 'pos' });
      return journeys[0]?.status === 'completed' ? journeys[0] : null;
    }, 'the run to complete');
    expect(after.position).toBeNull();

    const contactId = await tend.contactId('pos');
    const trail = await tend.api.contacts.trail({ id: contactId, journeyId: 'position' });
    expect(trail.map((row) => [row.nodeId, row.visit, row.outcome, row.version])).toEqual([
      ['go', 1, 'entered', 1],
      ['cool', 1, 'waited', 1],
      ['reply', 1, 'happened', 1],
      ['thanks', 1, 'sent', 1],
      ['done', 1, 'exited', 1],
    ]);
    const at = trail.map((row) => row.at.getTime());
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(at[1]! - entered).toBeGreaterThanOrEqual(2 * day);
    expect(trail.every((row) => row.workflowId === enrolment.workflowId)).toBe(true);
    expect((await tend.api.journeys.stats({ id: 'position' })).active).toBe(0);
  });

  test('an exit during a wait is recorded against the visit of the wait it interrupted (visit 1, not 0)', async ({ tend }) => {
    await tend.publish(
      journey('exit-visit', {
        settings: { exitWhen: [{ event: 'exit-visit stop' }] },
        nodes: { go: ['trigger.event', { event: 'exit-visit go' }], wait: ['wait', { amount: 2, unit: 'days' }], mail: email('Never'), done: ['exit'] },
        edges: ['go -> wait', 'wait -> mail', 'mail -> done'],
      }),
    );
    await tend.identify('ev', { email: 'ev@example.com' });
    await tend.track('ev', 'exit-visit go');
    await eventually(async () => (await tend.position('ev', 'exit-visit').catch(() => null))?.status === 'waiting', 'the wait');
    await tend.track('ev', 'exit-visit stop');
    await eventually(async () => (await tend.enrolment('ev', 'exit-visit'))?.status === 'exited', 'the exit');
    await settle(200);
    expect((await tend.trail('ev', 'exit-visit')).map((row) => [row.nodeId, row.visit, row.outcome])).toEqual([
      ['go', 1, 'entered'],
      ['wait', 1, 'exited'],
    ]);
  });
});
