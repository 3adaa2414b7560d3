import { and, eq, nodeVisits } from '@tend/db';
import { describe } from 'vitest';
import { email, eventually, expect, journey, settle, test } from '../support/index.js';

const day = 86_400_000;

/** Saturday 20:00 EST (Sunday 01:00Z) before New York next springs forward, and that Sunday's 09:00 EDT (13:00Z). */
function nextSpringForwardEve(after: number): { enter: number; nineAm: number } {
  for (let year = new Date(after).getUTCFullYear(); ; year++) {
    const firstOfMarch = new Date(Date.UTC(year, 2, 1)).getUTCDay();
    const secondSunday = 1 + ((7 - firstOfMarch) % 7) + 7;
    const enter = Date.UTC(year, 2, secondSunday, 1, 0);
    if (enter > after + 3_600_000) return { enter, nineAm: Date.UTC(year, 2, secondSunday, 13, 0) };
  }
}

const newYork = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' });

describe('each node and output, end to end on the time-skipping server', () => {
  test('wait: a 400-day wait completes in test time, and nothing is sent before it ends', async ({ tend }) => {
    await tend.publish(
      journey('wait-400', {
        nodes: { go: ['trigger.event', { event: 'wait-400 go' }], wait: ['wait', { amount: 400, unit: 'days' }], mail: email('After 400 days'), done: ['exit'] },
        edges: ['go -> wait', 'wait -> mail', 'mail -> done'],
      }),
    );
    await tend.identify('w400', { email: 'w400@example.com' });
    await tend.track('w400', 'wait-400 go');
    const entered = (await eventually(() => tend.enrolment('w400', 'wait-400'), 'the entry')).enteredAt.getTime();

    await tend.sleep('399 days');
    await settle();
    expect(tend.mailTo('w400@example.com')).toHaveLength(0);

    await tend.sleep('2 days');
    const [mail] = await tend.waitForMail('w400@example.com', 1);
    expect(mail!.subject).toBe('After 400 days');
    const waited = (await tend.trail('w400', 'wait-400')).find((row) => row.nodeId === 'wait')!;
    expect(waited.outcome).toBe('waited');
    expect(waited.at.getTime() - entered).toBeGreaterThanOrEqual(400 * day);
    expect(waited.at.getTime() - entered).toBeLessThan(400 * day + 60_000);
  });

  test("wait-until: 09:00 in the contact's zone across the spring-forward night (20:00 EST → 09:00 EDT = 13:00Z)", async ({ tend }) => {
    await tend.publish(
      journey('wait-until-dst', {
        settings: { timeZone: 'UTC' },
        nodes: { go: ['trigger.event', { event: 'dst go' }], nine: ['wait-until', { time: '09:00' }], mail: email('Good morning'), done: ['exit'] },
        edges: ['go -> nine', 'nine -> mail', 'mail -> done'],
      }),
    );
    await tend.identify('nyc', { email: 'nyc@example.com', timezone: 'America/New_York' });
    const { enter, nineAm } = nextSpringForwardEve(await tend.now());
    expect(newYork.format(enter)).toBe('Sat, 20:00 EST');
    expect(newYork.format(nineAm)).toBe('Sun, 09:00 EDT');

    await tend.sleep(enter - (await tend.now()));
    await tend.track('nyc', 'dst go');
    const position = await eventually(async () => {
      const at = await tend.position('nyc', 'wait-until-dst').catch(() => null);
      return at?.status === 'waiting' ? at : null;
    }, 'the contact to wait');
    expect(position).toMatchObject({ nodeId: 'nine', waitingFor: 'time', waitingUntil: new Date(nineAm).toISOString() });

    await tend.sleep(nineAm - (await tend.now()) - 60_000);
    await settle();
    expect(tend.mailTo('nyc@example.com')).toHaveLength(0);
    await tend.sleep('2 minutes');
    await tend.waitForMail('nyc@example.com', 1);
    const waited = (await tend.trail('nyc', 'wait-until-dst')).find((row) => row.nodeId === 'nine')!;
    expect(waited.at.getTime()).toBeGreaterThanOrEqual(nineAm);
    expect(waited.at.getTime()).toBeLessThan(nineAm + 60_000);
  });

  test('wait-for-event: "happened" needs the filters and the entry\'s cartId; otherwise "timed-out"', async ({ tend }) => {
    await tend.publish(
      journey('cart', {
        nodes: {
          abandoned: ['trigger.event', { event: 'cart abandoned' }],
          order: [
            'wait-for-event',
            { event: 'cart order', filters: [{ property: 'total', op: 'gt', value: 0 }], matchEntryProperty: 'cartId', timeout: { amount: 1, unit: 'days' } },
          ],
          thanks: email('Thanks for your order'),
          reminder: email('You left something in your cart'),
          done: ['exit'],
        },
        edges: ['abandoned -> order', 'order:happened -> thanks', 'order:timed-out -> reminder', 'thanks -> done', 'reminder -> done'],
      }),
    );
    await tend.identify('buyer', { email: 'buyer@example.com' });
    await tend.identify('browser', { email: 'browser@example.com' });
    await tend.track('buyer', 'cart abandoned', { cartId: 'c1' });
    await tend.track('browser', 'cart abandoned', { cartId: 'c2' });
    await eventually(async () => (await tend.position('browser', 'cart').catch(() => null))?.waitingFor === 'cart order', 'both to wait');
    await eventually(async () => (await tend.position('buyer', 'cart').catch(() => null))?.waitingFor === 'cart order', 'both to wait');

    await tend.sleep('2 hours');
    await tend.track('buyer', 'cart order', { cartId: 'c1', total: 42 });
    // The browser orders another cart, and then their cart for nothing: neither is their order.
    await tend.track('browser', 'cart order', { cartId: 'elsewhere', total: 42 });
    await tend.track('browser', 'cart order', { cartId: 'c2', total: 0 });

    const [thanks] = await tend.waitForMail('buyer@example.com', 1);
    expect(thanks!.subject).toBe('Thanks for your order');
    await settle();
    expect(tend.mailTo('browser@example.com')).toHaveLength(0);

    await tend.sleep('23 hours');
    const [reminder] = await tend.waitForMail('browser@example.com', 1);
    expect(reminder!.subject).toBe('You left something in your cart');
    expect(tend.mailTo('buyer@example.com')).toHaveLength(1);
    expect((await tend.trail('buyer', 'cart')).find((row) => row.nodeId === 'order')?.outcome).toBe('happened');
    expect((await tend.trail('browser', 'cart')).find((row) => row.nodeId === 'order')?.outcome).toBe('timed-out');
  });

  test('branch: an attribute, an event count and segment membership pick their case, in order; nothing else goes to "else"', async ({ tend }) => {
    await tend.publish(
      journey('branching', {
        nodes: {
          go: ['trigger.event', { event: 'branch go' }],
          pick: [
            'branch',
            {
              cases: [
                { id: 'pro', label: 'Pro', condition: { kind: 'attribute', attribute: 'plan', op: 'eq', value: 'pro' } },
                { id: 'buyer', label: 'Buyer', condition: { kind: 'event-count', event: 'branch purchase', filters: [], atLeast: 2, withinDays: 30 } },
                { id: 'member', label: 'Member', condition: { kind: 'segment', segment: 'branch-vips', member: true } },
              ],
            },
          ],
          'to-pro': email('For pros'),
          'to-buyer': email('For buyers'),
          'to-member': email('For members'),
          'to-else': email('For everyone else'),
          done: ['exit'],
        },
        edges: ['go -> pick', 'pick:pro -> to-pro', 'pick:buyer -> to-buyer', 'pick:member -> to-member', 'pick:else -> to-else', 'to-pro -> done', 'to-buyer -> done', 'to-member -> done', 'to-else -> done'],
      }),
    );
    await tend.identify('b-pro', { email: 'b-pro@example.com', plan: 'pro' });
    await tend.identify('b-buyer', { email: 'b-buyer@example.com', plan: 'free' });
    await tend.track('b-buyer', 'branch purchase');
    await tend.track('b-buyer', 'branch purchase');
    await tend.identify('b-once', { email: 'b-once@example.com' });
    await tend.track('b-once', 'branch purchase');
    await tend.identify('b-member', { email: 'b-member@example.com' });
    await tend.track('b-member', 'Segment Entered', { segment: 'branch-vips' });
    await tend.identify('b-left', { email: 'b-left@example.com' });
    await tend.track('b-left', 'Segment Entered', { segment: 'branch-vips' });
    await tend.track('b-left', 'Segment Exited', { segment: 'branch-vips' });

    const expected = { 'b-pro': ['For pros', 'Pro'], 'b-buyer': ['For buyers', 'Buyer'], 'b-once': ['For everyone else', 'else'], 'b-member': ['For members', 'Member'], 'b-left': ['For everyone else', 'else'] };
    for (const userId of Object.keys(expected)) await tend.track(userId, 'branch go');
    for (const [userId, [subject, label]] of Object.entries(expected)) {
      const mails = await tend.waitForMail(`${userId}@example.com`, 1);
      expect(mails.map((mail) => mail.subject), userId).toEqual([subject]);
      expect((await tend.trail(userId, 'branching')).find((row) => row.nodeId === 'pick')?.outcome, userId).toBe(`branch:${label}`);
    }
  });

  test('split: 200 contacts on a 50/50 split go both ways, roughly evenly', async ({ tend }) => {
    await tend.publish(
      journey('split-balance', {
        nodes: {
          go: ['trigger.event', { event: 'split go' }],
          split: ['split', { paths: [{ id: 'a', label: 'A', percent: 50 }, { id: 'b', label: 'B', percent: 50 }] }],
          'end-a': ['exit'],
          'end-b': ['exit'],
        },
        edges: ['go -> split', 'split:a -> end-a', 'split:b -> end-b'],
      }),
    );
    const people = Array.from({ length: 200 }, (_, index) => `split-${index}`);
    await tend.batch(people.flatMap((userId) => [{ type: 'identify', userId }, { type: 'track', userId, event: 'split go' }]));

    const split = and(eq(nodeVisits.journeyId, 'split-balance'), eq(nodeVisits.nodeId, 'split'));
    const rows = await eventually(async () => {
      const visits = await tend.database.db.select({ outcome: nodeVisits.outcome }).from(nodeVisits).where(split);
      return visits.length >= 200 ? visits : null;
    }, '200 contacts through the split', 60_000);
    const a = rows.filter((row) => row.outcome === 'split:A').length;
    const b = rows.filter((row) => row.outcome === 'split:B').length;
    expect(a + b).toBe(200);
    // 100 ± 40 is more than five standard deviations of a fair coin over 200 tosses.
    expect(a).toBeGreaterThan(60);
    expect(b).toBeGreaterThan(60);
  }, 90_000);

  test('split: the holdout path sends nothing (recorded "held-out"); the other path sends', async ({ tend }) => {
    await tend.publish(
      journey('holdout', {
        nodes: {
          go: ['trigger.event', { event: 'holdout go' }],
          split: ['split', { paths: [{ id: 'treatment', label: 'Treatment', percent: 50 }, { id: 'control', label: 'Control', percent: 50, holdout: true }] }],
          offer: email('An offer'),
          done: ['exit'],
        },
        edges: ['go -> split', 'split:treatment -> offer', 'split:control -> offer', 'offer -> done'],
      }),
    );
    const people = Array.from({ length: 40 }, (_, index) => `holdout-${index}`);
    await tend.batch(people.flatMap((userId) => [{ type: 'identify', userId, traits: { email: `${userId}@example.com` } }, { type: 'track', userId, event: 'holdout go' }]));
    await eventually(async () => {
      const done = await tend.database.db.select().from(nodeVisits).where(and(eq(nodeVisits.journeyId, 'holdout'), eq(nodeVisits.nodeId, 'done')));
      return done.length >= 40;
    }, '40 contacts through the journey', 60_000);
    await settle();

    const groups = { Treatment: 0, Control: 0 };
    for (const userId of people) {
      const trail = await tend.trail(userId, 'holdout');
      const group = trail.find((row) => row.nodeId === 'split')!.outcome.replace('split:', '') as keyof typeof groups;
      groups[group]++;
      const offer = trail.find((row) => row.nodeId === 'offer')!;
      if (group === 'Control') {
        expect(offer.outcome, userId).toBe('held-out');
        expect(tend.mailTo(`${userId}@example.com`), userId).toHaveLength(0);
      } else {
        expect(offer.outcome, userId).toBe('sent');
        expect(tend.mailTo(`${userId}@example.com`), userId).toHaveLength(1);
      }
    }
    expect(groups.Treatment).toBeGreaterThan(0);
    expect(groups.Control).toBeGreaterThan(0);
  }, 90_000);

  test('goal: a conversion inside the window jumps to the goal and records "converted"; one after the window does not', async ({ tend }) => {
    await tend.publish(
      journey('goal', {
        nodes: {
          go: ['trigger.event', { event: 'goal go' }],
          wait: ['wait', { amount: 10, unit: 'days' }],
          nudge: email('Still thinking?'),
          done: ['exit'],
          bought: ['goal', { event: 'goal order', window: { amount: 3, unit: 'days' } }],
          thanks: email('Thanks for buying'),
          'thanks-done': ['exit'],
        },
        edges: ['go -> wait', 'wait -> nudge', 'nudge -> done', 'bought -> thanks', 'thanks -> thanks-done'],
      }),
    );
    await tend.identify('g-early', { email: 'g-early@example.com' });
    await tend.identify('g-late', { email: 'g-late@example.com' });
    await tend.track('g-early', 'goal go');
    await tend.track('g-late', 'goal go');
    await eventually(async () => (await tend.position('g-late', 'goal').catch(() => null))?.status === 'waiting', 'the late one to wait');
    await eventually(async () => (await tend.position('g-early', 'goal').catch(() => null))?.status === 'waiting', 'the early one to wait');

    await tend.sleep('1 day');
    await tend.track('g-early', 'goal order');
    const [thanks] = await tend.waitForMail('g-early@example.com', 1);
    expect(thanks!.subject).toBe('Thanks for buying');
    expect(await tend.ended('g-early', 'goal')).toMatchObject({ status: 'completed' });
    expect((await tend.trail('g-early', 'goal')).map((row) => [row.nodeId, row.outcome])).toEqual([
      ['go', 'entered'],
      ['bought', 'converted'],
      ['thanks', 'sent'],
      ['thanks-done', 'exited'],
    ]);

    await tend.sleep('4 days');
    await tend.track('g-late', 'goal order');
    await settle();
    expect(tend.mailTo('g-late@example.com')).toHaveLength(0);
    expect(await tend.position('g-late', 'goal')).toMatchObject({ nodeId: 'wait', status: 'waiting', converted: false });

    await tend.sleep('6 days');
    const [nudge] = await tend.waitForMail('g-late@example.com', 1);
    expect(nudge!.subject).toBe('Still thinking?');
    expect((await tend.trail('g-late', 'goal')).map((row) => row.outcome)).not.toContain('converted');
    expect(tend.mailTo('g-early@example.com')).toHaveLength(1);
  });

  test('exit: a path that reaches an Exit node ends the run there, sending nothing after it', async ({ tend }) => {
    await tend.publish(
      journey('exit-node', {
        nodes: {
          go: ['trigger.event', { event: 'exit go' }],
          free: ['branch', { cases: [{ id: 'free', label: 'Free', condition: { kind: 'attribute', attribute: 'plan', op: 'eq', value: 'free' } }] }],
          early: ['exit'],
          upsell: email('Upgrade?'),
          done: ['exit'],
        },
        edges: ['go -> free', 'free:free -> early', 'free:else -> upsell', 'upsell -> done'],
      }),
    );
    await tend.identify('x-free', { email: 'x-free@example.com', plan: 'free' });
    await tend.identify('x-pro', { email: 'x-pro@example.com', plan: 'pro' });
    await tend.track('x-free', 'exit go');
    await tend.track('x-pro', 'exit go');
    await tend.waitForMail('x-pro@example.com', 1);
    const ended = await eventually(() => tend.enrolment('x-free', 'exit-node').then((row) => row?.status !== 'active' && row), 'the run to end');
    expect(ended.status).toBe('completed');
    expect((await tend.trail('x-free', 'exit-node')).map((row) => [row.nodeId, row.outcome])).toEqual([
      ['go', 'entered'],
      ['free', 'branch:Free'],
      ['early', 'exited'],
    ]);
    expect(tend.mailTo('x-free@example.com')).toHaveLength(0);
  });

  test('exitWhen: a matching event during a wait ends the run at once; one that fails the filter does not', async ({ tend }) => {
    await tend.publish(
      journey('exit-when', {
        settings: { exitWhen: [{ event: 'exit-when unsubscribed', filters: [{ property: 'list', op: 'eq', value: 'all' }] }] },
        nodes: { go: ['trigger.event', { event: 'exit-when go' }], wait: ['wait', { amount: 2, unit: 'days' }], mail: email('Newsletter'), done: ['exit'] },
        edges: ['go -> wait', 'wait -> mail', 'mail -> done'],
      }),
    );
    await tend.identify('ew-leaver', { email: 'ew-leaver@example.com' });
    await tend.identify('ew-stayer', { email: 'ew-stayer@example.com' });
    await tend.track('ew-leaver', 'exit-when go');
    await tend.track('ew-stayer', 'exit-when go');
    await eventually(async () => (await tend.position('ew-leaver', 'exit-when').catch(() => null))?.status === 'waiting', 'the leaver to wait');
    await eventually(async () => (await tend.position('ew-stayer', 'exit-when').catch(() => null))?.status === 'waiting', 'the stayer to wait');

    await tend.sleep('1 day');
    await tend.track('ew-leaver', 'exit-when unsubscribed', { list: 'all' });
    await tend.track('ew-stayer', 'exit-when unsubscribed', { list: 'weekly' });
    const ended = await eventually(() => tend.enrolment('ew-leaver', 'exit-when').then((row) => row?.status !== 'active' && row), 'the leaver to exit');
    expect(ended.status).toBe('exited');
    expect((await tend.trail('ew-leaver', 'exit-when')).at(-1)).toMatchObject({ nodeId: 'wait', outcome: 'exited' });

    await tend.sleep('2 days');
    await tend.waitForMail('ew-stayer@example.com', 1);
    await settle();
    expect(tend.mailTo('ew-leaver@example.com')).toHaveLength(0);
    const visits = await tend.database.db.select().from(nodeVisits).where(and(eq(nodeVisits.journeyId, 'exit-when'), eq(nodeVisits.outcome, 'exited')));
    expect(visits.map((row) => row.nodeId).sort()).toEqual(['done', 'wait']);
  });
});
