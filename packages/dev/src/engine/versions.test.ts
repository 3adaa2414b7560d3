import { describe } from 'vitest';
import { email, eventually, expect, journey, settle, test } from './engine-fixture.js';

const day = 86_400_000;

/** trigger → wait "wait" (3 days) → one email → exit; `subject` tells the versions apart. */
const waitThenMail = (id: string, subject: string, before: Record<string, [string, Record<string, unknown>?]> = {}, beforeEdges: string[] = ['go -> wait']) =>
  journey(id, {
    nodes: { go: ['trigger.event', { event: `${id} go` }], ...before, wait: ['wait', { amount: 3, unit: 'days' }], mail: email(subject), done: ['exit'] },
    edges: [...beforeEdges, 'wait -> mail', 'mail -> done'],
  });

describe('published versions and contacts in flight', () => {
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

  test('publishing v2 with moveWaiting moves a contact waiting at a wait of the same id to v2, keeping its deadline', async ({ tend }) => {
    await tend.publish(waitThenMail('moved', 'Sent by v1'));
    await tend.identify('mover', { email: 'mover@example.com' });
    await tend.track('mover', 'moved go');
    const entered = (await eventually(() => tend.enrolment('mover', 'moved'), 'the entry')).enteredAt.getTime();
    const deadline = (await eventually(async () => (await tend.position('mover', 'moved').catch(() => null))?.waitingUntil, 'the wait')) as string;
    expect(Date.parse(deadline) - entered).toBeGreaterThanOrEqual(3 * day - 1000);

    await tend.sleep('1 day');
    expect(await tend.publish(waitThenMail('moved', 'Sent by v2'), { moveWaiting: true })).toEqual({ version: 2, moved: 1 });
    const moved = await eventually(async () => {
      const position = await tend.position('mover', 'moved').catch(() => null);
      return position?.version === 2 && position.status === 'waiting' ? position : null;
    }, 'the move to v2');
    expect(moved).toMatchObject({ nodeId: 'wait', waitingUntil: deadline });

    // Restarting the wait at the move would send on day 4; the original deadline is day 3.
    await tend.sleep('1 day');
    await tend.sleep(Date.parse(deadline) - (await tend.now()) - 60_000);
    await settle();
    expect(tend.mailTo('mover@example.com')).toHaveLength(0);
    await tend.sleep('2 minutes');
    expect((await tend.waitForMail('mover@example.com', 1)).map((mail) => mail.subject)).toEqual(['Sent by v2']);
    const trail = await tend.trail('mover', 'moved');
    expect(trail.find((row) => row.nodeId === 'mail')?.version).toBe(2);
    expect((await tend.enrolment('mover', 'moved'))?.version).toBe(2);
  });

  test('a held-out contact moved to a new version stays held out (sends nothing)', async ({ tend }) => {
    // Both paths are holdouts, so every contact is held out whatever the roll.
    const holdout = { split: ['split', { paths: [{ id: 'a', label: 'A', percent: 50, holdout: true }, { id: 'b', label: 'B', percent: 50, holdout: true }] }] } as const;
    const edges = ['go -> split', 'split:a -> wait', 'split:b -> wait'];
    await tend.publish(waitThenMail('moved-holdout', 'Held-out v1', { ...holdout }, edges));
    await tend.identify('held', { email: 'held@example.com' });
    await tend.track('held', 'moved-holdout go');
    await eventually(async () => (await tend.position('held', 'moved-holdout').catch(() => null))?.status === 'waiting', 'the wait');

    expect((await tend.publish(waitThenMail('moved-holdout', 'Held-out v2', { ...holdout }, edges), { moveWaiting: true })).moved).toBe(1);
    await eventually(async () => (await tend.position('held', 'moved-holdout').catch(() => null))?.version === 2, 'the move to v2');
    await tend.sleep('4 days');
    await eventually(async () => (await tend.enrolment('held', 'moved-holdout'))?.status === 'completed', 'the run to end');
    await settle();
    expect(tend.mailTo('held@example.com')).toEqual([]);
    expect((await tend.trail('held', 'moved-holdout')).find((row) => row.nodeId === 'mail')?.outcome).toBe('held-out');
  });
});
