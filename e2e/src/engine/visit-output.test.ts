import { describe } from 'vitest';
import { email, eventually, expect, journey, test, type Tend } from '../support/index.js';

/** The visit of `nodeId` on the contact's trail, once it is on record. */
const visitAt = (tend: Tend, userId: string, journeyId: string, nodeId: string) =>
  eventually(async () => (await tend.trail(userId, journeyId)).find((row) => row.nodeId === nodeId), `${userId}'s visit of ${nodeId} in ${journeyId}`);

/** Pro by trait, buyer by two purchases, else: each case mails its own subject. */
const pricing = (id: string, proLabel = 'Pro') =>
  journey(id, {
    nodes: {
      go: ['trigger.event', { event: `${id} go` }],
      pick: [
        'branch',
        {
          cases: [
            { id: 'pro', label: proLabel, condition: { kind: 'attribute', attribute: 'plan', op: 'eq', value: 'pro' } },
            { id: 'buyer', label: 'Buyer', condition: { kind: 'event-count', event: `${id} purchase`, filters: [], atLeast: 2, withinDays: 30 } },
          ],
        },
      ],
      'to-pro': email('For pros'),
      'to-buyer': email('For buyers'),
      'to-else': email('For everyone else'),
      done: ['exit'],
    },
    edges: ['go -> pick', 'pick:pro -> to-pro', 'pick:buyer -> to-buyer', 'pick:else -> to-else', 'to-pro -> done', 'to-buyer -> done', 'to-else -> done'],
  });

describe('visits keep the output the contact left by, and why', () => {
  test('a branch visit records the case id as its output and what the condition compared', async ({ tend }) => {
    await tend.publish(pricing('vo-branch'));
    await tend.identify('vo-pro', { email: 'vo-pro@example.com', plan: 'pro' });
    await tend.identify('vo-buyer', { email: 'vo-buyer@example.com', plan: 'free' });
    for (let order = 0; order < 3; order++) await tend.track('vo-buyer', 'vo-branch purchase');
    await tend.identify('vo-else', { email: 'vo-else@example.com' });
    for (const userId of ['vo-pro', 'vo-buyer', 'vo-else']) await tend.track(userId, 'vo-branch go');
    for (const userId of ['vo-pro', 'vo-buyer', 'vo-else']) await tend.ended(userId, 'vo-branch');

    expect(await visitAt(tend, 'vo-pro', 'vo-branch', 'pick')).toMatchObject({
      outcome: 'branch:Pro',
      output: 'pro',
      detail: { case: 'pro', label: 'Pro', matched: { trait: 'plan', value: 'pro' } },
    });
    expect(await visitAt(tend, 'vo-buyer', 'vo-branch', 'pick')).toMatchObject({
      output: 'buyer',
      detail: { case: 'buyer', label: 'Buyer', matched: { event: 'vo-branch purchase', withinDays: 30, eventCount: 3 } },
    });
    expect(await visitAt(tend, 'vo-else', 'vo-branch', 'pick')).toMatchObject({
      outcome: 'branch:else',
      output: 'else',
      detail: { case: 'else', checked: [{ trait: 'plan', value: null }, { event: 'vo-branch purchase', eventCount: 0 }] },
    });
    // Every visit says how it was left: the trigger and the email by "next", the exit by none.
    const trail = await tend.trail('vo-pro', 'vo-branch');
    expect(trail.map((row) => [row.nodeId, row.outcome, row.output])).toEqual([
      ['go', 'entered', 'next'],
      ['pick', 'branch:Pro', 'pro'],
      ['to-pro', 'sent', 'next'],
      ['done', 'exited', null],
    ]);
  });

  test('renaming a case in a new version keeps the output id recorded: counts by output survive the rename', async ({ tend }) => {
    await tend.publish(pricing('vo-rename', 'Pro'));
    await tend.identify('vo-r1', { email: 'vo-r1@example.com', plan: 'pro' });
    await tend.track('vo-r1', 'vo-rename go');
    await tend.ended('vo-r1', 'vo-rename');
    await tend.publish(pricing('vo-rename', 'Professional'));
    await tend.identify('vo-r2', { email: 'vo-r2@example.com', plan: 'pro' });
    await tend.track('vo-r2', 'vo-rename go');
    await tend.ended('vo-r2', 'vo-rename');

    const [before, after] = [await visitAt(tend, 'vo-r1', 'vo-rename', 'pick'), await visitAt(tend, 'vo-r2', 'vo-rename', 'pick')];
    expect([before.version, before.outcome, before.output]).toEqual([1, 'branch:Pro', 'pro']);
    expect([after.version, after.outcome, after.output]).toEqual([2, 'branch:Professional', 'pro']);
  });

  test('a send skipped for want of an address records why', async ({ tend }) => {
    await tend.publish(
      journey('vo-skip', {
        nodes: { go: ['trigger.event', { event: 'vo-skip go' }], mail: email('Hello'), done: ['exit'] },
        edges: ['go -> mail', 'mail -> done'],
      }),
    );
    await tend.identify('vo-no-email', { plan: 'free' });
    await tend.track('vo-no-email', 'vo-skip go');
    await tend.ended('vo-no-email', 'vo-skip');
    expect(await visitAt(tend, 'vo-no-email', 'vo-skip', 'mail')).toMatchObject({
      outcome: 'skipped',
      output: 'next',
      detail: { reason: 'the contact has no email address' },
    });
  });

  test('a split visit records the path id and its share', async ({ tend }) => {
    await tend.publish(
      journey('vo-split', {
        nodes: {
          go: ['trigger.event', { event: 'vo-split go' }],
          split: ['split', { paths: [{ id: 'a', label: 'Variant A', percent: 30 }, { id: 'b', label: 'Variant B', percent: 70 }] }],
          'end-a': ['exit'],
          'end-b': ['exit'],
        },
        edges: ['go -> split', 'split:a -> end-a', 'split:b -> end-b'],
      }),
    );
    await tend.identify('vo-splitter');
    await tend.track('vo-splitter', 'vo-split go');
    await tend.ended('vo-splitter', 'vo-split');
    const visit = await visitAt(tend, 'vo-splitter', 'vo-split', 'split');
    const expected = visit.output === 'a' ? { label: 'Variant A', percent: 30 } : { label: 'Variant B', percent: 70 };
    expect(visit).toMatchObject({ outcome: `split:${expected.label}`, detail: { path: visit.output, ...expected, holdout: false } });
    expect(['a', 'b']).toContain(visit.output);
  });
});
