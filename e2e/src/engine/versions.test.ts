import { describe } from 'vitest';
import { devServerTest, email, eventually, expect, journey, settle, test } from '../support/index.js';

/** trigger → wait "wait" (3 days) → one email → exit; `subject` tells the versions apart. */
const waitThenMail = (id: string, subject: string) =>
  journey(id, {
    nodes: { go: ['trigger.event', { event: `${id} go` }], wait: ['wait', { amount: 3, unit: 'days' }], mail: email(subject), done: ['exit'] },
    edges: ['go -> wait', 'wait -> mail', 'mail -> done'],
  });

describe('published versions and contacts in flight (time-skipping server)', () => {
  test('a contact in flight on v1 stays on v1 after v2 is published; new contacts get v2', async ({ tend }) => {
    expect((await tend.publish(waitThenMail('pinned', 'Version one'))).version).toBe(1);
    await tend.identify('pin-old', { email: 'pin-old@example.com' });
    await tend.track('pin-old', 'pinned go');
    await eventually(async () => (await tend.position('pin-old', 'pinned').catch(() => null))?.status === 'waiting', 'the v1 wait');

    await tend.sleep('1 day');
    expect(await tend.publish(waitThenMail('pinned', 'Version two'))).toEqual({ version: 2, moved: 0 });
    await tend.identify('pin-new', { email: 'pin-new@example.com' });
    await tend.track('pin-new', 'pinned go');
    await eventually(async () => (await tend.position('pin-new', 'pinned').catch(() => null))?.status === 'waiting', 'the v2 wait');

    await tend.sleep('3 days');
    expect((await tend.waitForMail('pin-old@example.com', 1)).map((mail) => mail.subject)).toEqual(['Version one']);
    expect((await tend.waitForMail('pin-new@example.com', 1)).map((mail) => mail.subject)).toEqual(['Version two']);
    expect(new Set((await tend.trail('pin-old', 'pinned')).map((row) => row.version))).toEqual(new Set([1]));
    expect(new Set((await tend.trail('pin-new', 'pinned')).map((row) => row.version))).toEqual(new Set([2]));
  });

});

// Moving waiting contacts continues each run as new at a wait. Temporal's time-skipping test
// server fails some of those continue-as-new completions ("Task not found when completing:
// workflow execution already completed") and the run then hangs, so these run on a real dev
// server, with waits of seconds.
describe('moving waiting contacts to a new version (publish with moveWaiting), on a real Temporal server', () => {
  const moving = (id: string, subject: string, seconds: number, split = false) =>
    journey(id, {
      nodes: {
        go: ['trigger.event', { event: `${id} go` }],
        // Both paths are holdouts, so every contact is held out whatever the roll.
        ...(split ? { split: ['split', { paths: [{ id: 'a', label: 'A', percent: 50, holdout: true }, { id: 'b', label: 'B', percent: 50, holdout: true }] }] } : {}),
        wait: ['wait', { amount: seconds, unit: 'seconds' }],
        mail: email(subject),
        done: ['exit'],
      },
      edges: [...(split ? ['go -> split', 'split:a -> wait', 'split:b -> wait'] : ['go -> wait']), 'wait -> mail', 'mail -> done'],
    });

  devServerTest('a contact waiting at a wait of the same id moves to v2 and keeps its original deadline', async ({ tend }) => {
    await tend.publish(moving('moved', 'Sent by v1', 8));
    await tend.identify('mover', { email: 'mover@example.com' });
    await tend.track('mover', 'moved go');
    const deadline = (await eventually(async () => (await tend.position('mover', 'moved').catch(() => null))?.waitingUntil, 'the wait')) as string;

    await settle(3_000);
    expect(await tend.publish(moving('moved', 'Sent by v2', 8), { moveWaiting: true })).toEqual({ version: 2, moved: 1 });
    const moved = await eventually(async () => {
      const position = await tend.position('mover', 'moved').catch(() => null);
      return position?.version === 2 && position.status === 'waiting' ? position : null;
    }, 'the move to v2');
    expect(moved).toMatchObject({ nodeId: 'wait', waitingUntil: deadline });

    expect((await tend.waitForMail('mover@example.com', 1, 15_000)).map((mail) => mail.subject)).toEqual(['Sent by v2']);
    expect(await tend.ended('mover', 'moved')).toMatchObject({ status: 'completed', version: 2 });
    const trail = await tend.trail('mover', 'moved');
    const waited = trail.find((row) => row.nodeId === 'wait' && row.outcome === 'waited')!;
    // Restarting the wait at the move would end it about 3 s after the original deadline.
    expect(Math.abs(waited.at.getTime() - Date.parse(deadline))).toBeLessThan(1_500);
    expect(waited.version).toBe(2);
    expect(trail.find((row) => row.nodeId === 'mail')?.version).toBe(2);
  }, 60_000);

  devServerTest('a held-out contact moved to a new version stays held out (sends nothing)', async ({ tend }) => {
    await tend.publish(moving('moved-holdout', 'Held-out v1', 3, true));
    await tend.identify('held', { email: 'held@example.com' });
    await tend.track('held', 'moved-holdout go');
    await eventually(async () => (await tend.position('held', 'moved-holdout').catch(() => null))?.status === 'waiting', 'the wait');

    expect((await tend.publish(moving('moved-holdout', 'Held-out v2', 3, true), { moveWaiting: true })).moved).toBe(1);
    await eventually(async () => (await tend.enrolment('held', 'moved-holdout'))?.status === 'completed', 'the run to end', 15_000);
    await settle();
    expect((await tend.trail('held', 'moved-holdout')).find((row) => row.nodeId === 'mail')).toMatchObject({ version: 2, outcome: 'held-out' });
    expect(tend.mailTo('held@example.com')).toEqual([]);
  }, 60_000);
});
