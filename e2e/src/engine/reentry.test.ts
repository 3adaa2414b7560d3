import { describe } from 'vitest';
import { email, eventually, expect, journey, settle, test, type Tend } from '../support/index.js';

/** trigger → (wait) → email → exit, under one re-entry rule. */
function rule(id: string, settings: Record<string, unknown>, wait?: { amount: number; unit: string }) {
  return journey(id, {
    settings,
    nodes: {
      go: ['trigger.event', { event: `${id} go` }],
      ...(wait ? { wait: ['wait', wait] } : {}),
      mail: email(`Hello from ${id}`),
      done: ['exit'],
    },
    edges: wait ? ['go -> wait', 'wait -> mail', 'mail -> done'] : ['go -> mail', 'mail -> done'],
  });
}

const entries = async (tend: Tend, userId: string, journeyId: string) =>
  (await tend.trail(userId, journeyId)).filter((row) => row.outcome === 'entered').length;

describe('re-entry rules, end to end', () => {
  test('once-ever: a second trigger after the run completed does not start a second run', async ({ tend }) => {
    await tend.publish(rule('once-ever', { reentry: 'once-ever' }));
    await tend.identify('oe', { email: 'oe@example.com' });
    await tend.track('oe', 'once-ever go');
    await tend.waitForMail('oe@example.com', 1);
    await tend.ended('oe', 'once-ever');

    await tend.sleep('30 days');
    await tend.track('oe', 'once-ever go');
    await settle(800);
    expect(tend.mailTo('oe@example.com')).toHaveLength(1);
    expect(await entries(tend, 'oe', 'once-ever')).toBe(1);
  });

  test('once-at-a-time: a trigger while running is ignored; after the run completed the contact enters again', async ({ tend }) => {
    await tend.publish(rule('one-at-a-time', { reentry: 'once-at-a-time' }, { amount: 1, unit: 'days' }));
    await tend.identify('oat', { email: 'oat@example.com' });
    await tend.track('oat', 'one-at-a-time go');
    await eventually(async () => (await tend.position('oat', 'one-at-a-time').catch(() => null))?.status === 'waiting', 'the wait');
    await tend.sleep('12 hours');
    await tend.track('oat', 'one-at-a-time go');

    await tend.sleep('13 hours');
    await tend.waitForMail('oat@example.com', 1);
    await tend.ended('oat', 'one-at-a-time');
    await tend.sleep('2 days');
    await settle();
    expect(tend.mailTo('oat@example.com')).toHaveLength(1);

    await tend.track('oat', 'one-at-a-time go');
    await eventually(async () => (await tend.enrolment('oat', 'one-at-a-time'))?.status === 'active', 'the second entry');
    await tend.sleep('25 hours');
    await tend.waitForMail('oat@example.com', 2);
    await tend.ended('oat', 'one-at-a-time');
    expect(await entries(tend, 'oat', 'one-at-a-time')).toBe(2);
  });

  test('cooldown: a trigger within the cool-down after a completed run is refused', async ({ tend }) => {
    await tend.publish(rule('cooldown-refused', { reentry: 'cooldown', cooldown: { amount: 7, unit: 'days' } }));
    await tend.identify('cd1', { email: 'cd1@example.com' });
    await tend.track('cd1', 'cooldown-refused go');
    await tend.waitForMail('cd1@example.com', 1);
    await tend.ended('cd1', 'cooldown-refused');

    await tend.track('cd1', 'cooldown-refused go');
    await settle(800);
    expect(tend.mailTo('cd1@example.com')).toHaveLength(1);
    expect(await entries(tend, 'cd1', 'cooldown-refused')).toBe(1);
  });

  test('cooldown: once the cool-down has passed (in Temporal time), the contact enters again', async ({ tend }) => {
    await tend.publish(rule('cooldown-passed', { reentry: 'cooldown', cooldown: { amount: 1, unit: 'days' } }));
    await tend.identify('cd2', { email: 'cd2@example.com' });
    await tend.track('cd2', 'cooldown-passed go');
    await tend.waitForMail('cd2@example.com', 1);
    await tend.ended('cd2', 'cooldown-passed');

    await tend.sleep('2 days');
    await tend.track('cd2', 'cooldown-passed go');
    await tend.waitForMail('cd2@example.com', 2, 5_000);
    expect(await entries(tend, 'cd2', 'cooldown-passed')).toBe(2);
  });
});
