import { describe } from 'vitest';
import { devServerTest as test, email, expect, journey, settle } from '../support/index.js';

// These run on a real Temporal dev server in wall-clock time (waits of seconds): Temporal's
// time-skipping test server drops the signal that signalWithStart sends to a workflow it starts,
// which is exactly what these tests are about, and it never answers a signalWithStart to a
// running workflow that then continues-as-new (what "restart" does).

describe('the entry event and re-entry "restart", on a real Temporal server', () => {
  test('restart: a second trigger while waiting starts over from the top, so the wait starts again', async ({ tend }) => {
    await tend.publish(
      journey('restart', {
        settings: { reentry: 'restart' },
        nodes: { go: ['trigger.event', { event: 'restart go' }], wait: ['wait', { amount: 6, unit: 'seconds' }], mail: email('Restarted'), done: ['exit'] },
        edges: ['go -> wait', 'wait -> mail', 'mail -> done'],
      }),
    );
    await tend.identify('rs', { email: 'rs@example.com' });
    await tend.track('rs', 'restart go', { order: 1 });
    await settle(3_000);
    await tend.track('rs', 'restart go', { order: 2 });

    // The first wait would have ended 6 s after the first trigger; the restarted one ends 6 s after the second.
    await settle(4_500);
    expect(tend.mailTo('rs@example.com')).toHaveLength(0);
    await tend.waitForMail('rs@example.com', 1, 10_000);
    await tend.ended('rs', 'restart');
    await settle(500);
    expect(tend.mailTo('rs@example.com')).toHaveLength(1);
  }, 60_000);

  test('restart: each entry is recorded once in node_visits (the entry event is not itself a re-entry)', async ({ tend }) => {
    await tend.publish(
      journey('restart-visits', {
        settings: { reentry: 'restart' },
        nodes: { go: ['trigger.event', { event: 'restart-visits go' }], wait: ['wait', { amount: 2, unit: 'seconds' }], mail: email('Once'), done: ['exit'] },
        edges: ['go -> wait', 'wait -> mail', 'mail -> done'],
      }),
    );
    await tend.identify('rv', { email: 'rv@example.com' });
    await tend.track('rv', 'restart-visits go');
    await tend.waitForMail('rv@example.com', 1, 10_000);
    await tend.ended('rv', 'restart-visits');
    expect((await tend.trail('rv', 'restart-visits')).map((row) => [row.nodeId, row.outcome])).toEqual([
      ['go', 'entered'],
      ['wait', 'waited'],
      ['mail', 'sent'],
      ['done', 'exited'],
    ]);
  }, 30_000);

  test('the event that enters a contact is not their conversion, even when the goal is that event (win-back)', async ({ tend }) => {
    await tend.publish(
      journey('entry-not-goal', {
        nodes: {
          order: ['trigger.event', { event: 'entry-not-goal order' }],
          wait: ['wait', { amount: 2, unit: 'seconds' }],
          comeback: email('We miss you'),
          done: ['exit'],
          'won-back': ['goal', { event: 'entry-not-goal order', window: { amount: 1, unit: 'days' } }],
          converted: ['exit'],
        },
        edges: ['order -> wait', 'wait -> comeback', 'comeback -> done', 'won-back -> converted'],
      }),
    );
    await tend.identify('wb', { email: 'wb@example.com' });
    await tend.track('wb', 'entry-not-goal order', { orderId: 'o-1' });
    await settle(500);
    expect(await tend.position('wb', 'entry-not-goal').catch(() => null)).toMatchObject({ status: 'waiting', converted: false });

    await tend.waitForMail('wb@example.com', 1, 10_000);
    expect((await tend.trail('wb', 'entry-not-goal')).map((row) => row.outcome)).not.toContain('converted');
  }, 30_000);
});
