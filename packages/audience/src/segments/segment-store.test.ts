import { and, eq, segmentMemberships } from '@tend/db';
import { availableTestDatabases, insertContact } from '@tend/db/testing';
import { describe, expect } from 'vitest';
import { previewSegment } from './preview.js';
import { SegmentError } from './segment-error.js';
import { createSegment, deleteSegment, getSegment, listSegments, updateSegment } from './segment-store.js';
import { databaseTest } from '../testing/database-test.js';

const asOf = new Date('2026-06-30T12:00:00Z');
const proPlan = { kind: 'attribute', attribute: 'plan', op: 'eq', value: 'pro' };

const tests = new Map(availableTestDatabases().map((kind) => [kind, databaseTest(kind)]));

describe.each([...tests.keys()])('segment store (%s)', (kind) => {
  const test = tests.get(kind)!;

  /** The SegmentError a call throws, as "reason: message" (fails when it does not throw one). */
  async function refusal(call: Promise<unknown>): Promise<string> {
    const error = await call.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(SegmentError);
    return `${(error as SegmentError).reason}: ${(error as SegmentError).message}`;
  }

  test('creates, lists, reads, renames and redefines segments', async ({ db, workspaceId }) => {
    const lapsed = await createSegment(db, workspaceId, {
      name: 'Lapsed customers (90 days)',
      definition: { kind: 'not', condition: { kind: 'event-count', event: 'Order Completed', atLeast: 1, withinDays: 90 } },
    });
    expect(lapsed).toMatchObject({
      id: 'lapsed-customers-90-days',
      name: 'Lapsed customers (90 days)',
      description: '',
      // Stored as read, defaults filled in.
      definition: { kind: 'not', condition: { kind: 'event-count', event: 'Order Completed', filters: [], atLeast: 1, withinDays: 90 } },
      computedAt: null,
      size: null,
    });
    await createSegment(db, workspaceId, { id: 'pro', name: 'Pro plan', description: 'Paying for pro', definition: proPlan });

    expect((await listSegments(db, workspaceId)).map((segment) => segment.id)).toEqual(['lapsed-customers-90-days', 'pro']);
    expect(await getSegment(db, workspaceId, 'pro')).toMatchObject({ name: 'Pro plan', description: 'Paying for pro', definition: proPlan });
    expect(await getSegment(db, workspaceId, 'nobody')).toBeNull();

    const renamed = await updateSegment(db, workspaceId, 'pro', { name: 'Pro customers', definition: { kind: 'rfm', groups: ['Champions'] } });
    expect(renamed).toMatchObject({ id: 'pro', name: 'Pro customers', description: 'Paying for pro', definition: { kind: 'rfm', groups: ['Champions'] } });
    expect(await refusal(updateSegment(db, workspaceId, 'nobody', { name: 'x' }))).toBe('not-found: no segment "nobody" in this workspace');
  });

  test('refuses a definition that cannot compile, naming the path of each problem', async ({ db, workspaceId }) => {
    const definition = {
      kind: 'all',
      conditions: [
        { kind: 'rfm', groups: ['Champions'] },
        { kind: 'attribute', attribute: 'plan', op: 'gt', value: 'pro' },
        { kind: 'event-count', event: 'Order Completed', atLeast: 1 },
      ],
    };
    expect(await refusal(createSegment(db, workspaceId, { name: 'Broken', definition }))).toBe(
      'invalid: conditions.1.value: gt compares numbers or dates: use a number or a date like "2026-01-01"; ' +
        'conditions.2.withinDays: set withinDays (the last N days), since (a date like "2026-01-01"), or both',
    );
    const engaged = { kind: 'any', conditions: [proPlan, { kind: 'engagement', nodeId: 'welcome', action: 'clicked' }] };
    expect(await refusal(createSegment(db, workspaceId, { name: 'Clicked', definition: engaged }))).toBe(
      'invalid: conditions.1.kind: engagement conditions belong to journeys (an email a journey sent was opened or clicked): a segment cannot use one',
    );
    expect(await refusal(createSegment(db, workspaceId, { id: 'Not A Slug', name: ' ', definition: proPlan }))).toBe(
      'invalid: name: name the segment, e.g. "Lapsed customers"; id: use up to 64 lowercase letters, digits, "-" or "_" for the id, e.g. "lapsed-customers"',
    );
    expect(await listSegments(db, workspaceId)).toEqual([]);

    await createSegment(db, workspaceId, { id: 'pro', name: 'Pro', definition: proPlan });
    expect(await refusal(createSegment(db, workspaceId, { id: 'pro', name: 'Pro again', definition: proPlan }))).toBe(
      'conflict: id: a segment "pro" exists already: choose another id',
    );
    expect(await refusal(updateSegment(db, workspaceId, 'pro', { definition: { kind: 'rfm', groups: [] } }))).toBe(
      'invalid: groups: choose at least one RFM group, e.g. "Champions"',
    );
  });

  test('refuses a segment that uses itself, directly or through others', async ({ db, workspaceId }) => {
    expect(await refusal(createSegment(db, workspaceId, { id: 'loop', name: 'Loop', definition: { kind: 'segment', segment: 'loop' } }))).toBe(
      'invalid: segment: a segment cannot use itself: "loop" uses "loop"',
    );
    await createSegment(db, workspaceId, { id: 'vip', name: 'VIP', definition: proPlan });
    await createSegment(db, workspaceId, { id: 'vip-lapsed', name: 'Lapsed VIPs', definition: { kind: 'all', conditions: [{ kind: 'segment', segment: 'vip' }] } });
    await createSegment(db, workspaceId, { id: 'win-back', name: 'Win back', definition: { kind: 'any', conditions: [proPlan, { kind: 'segment', segment: 'vip-lapsed' }] } });

    const backToWinBack = { kind: 'all', conditions: [proPlan, { kind: 'not', condition: { kind: 'segment', segment: 'win-back' } }] };
    expect(await refusal(updateSegment(db, workspaceId, 'vip', { definition: backToWinBack }))).toBe(
      'invalid: conditions.1.condition.segment: a segment cannot use itself: "vip" uses "win-back" uses "vip-lapsed" uses "vip"',
    );
    expect((await getSegment(db, workspaceId, 'vip'))?.definition).toEqual(proPlan);
    // Using a segment computed elsewhere (never stored here) is no loop.
    await updateSegment(db, workspaceId, 'vip', { definition: { kind: 'segment', segment: 'crm-vip' } });
  });

  test('deletes a segment and its memberships, unless another segment uses it', async ({ db, workspaceId }) => {
    await createSegment(db, workspaceId, { id: 'pro', name: 'Pro', definition: proPlan });
    await createSegment(db, workspaceId, { id: 'pro-champions', name: 'Pro champions', definition: { kind: 'all', conditions: [{ kind: 'segment', segment: 'pro' }] } });
    await insertContact(db, { id: `${workspaceId}-ada`, workspaceId });
    await db.insert(segmentMemberships).values({ workspaceId, segment: 'pro', contactId: `${workspaceId}-ada` });

    expect(await refusal(deleteSegment(db, workspaceId, 'pro'))).toBe('conflict: segment "pro" is used by "pro-champions": remove it from their definitions first');
    await deleteSegment(db, workspaceId, 'pro-champions');
    await deleteSegment(db, workspaceId, 'pro');
    expect(await listSegments(db, workspaceId)).toEqual([]);
    expect(await db.select().from(segmentMemberships).where(and(eq(segmentMemberships.workspaceId, workspaceId), eq(segmentMemberships.segment, 'pro')))).toEqual([]);
    expect(await refusal(deleteSegment(db, workspaceId, 'pro'))).toBe('not-found: no segment "pro" in this workspace');
  });

  test('previews a definition: the count and the first 20 contacts, with their names', async ({ db, workspaceId }) => {
    for (let n = 1; n <= 25; n++) {
      const id = `${workspaceId}-pro-${String(n).padStart(2, '0')}`;
      const traits = n === 1 ? { plan: 'pro', name: 'Ada Lovelace' } : n === 2 ? { plan: 'pro', firstName: 'Grace', lastName: 'Hopper' } : { plan: 'pro' };
      await insertContact(db, { id, workspaceId, email: n === 1 ? 'ada@example.com' : null, traits });
    }
    await insertContact(db, { id: `${workspaceId}-free`, workspaceId, traits: { plan: 'free' } });

    const preview = await previewSegment(db, workspaceId, proPlan, asOf);
    expect(preview.count).toBe(25);
    expect(preview.sample).toHaveLength(20);
    expect(preview.sample.slice(0, 3)).toEqual([
      { id: `${workspaceId}-pro-01`, userId: `${workspaceId}-pro-01`, email: 'ada@example.com', name: 'Ada Lovelace' },
      { id: `${workspaceId}-pro-02`, userId: `${workspaceId}-pro-02`, email: null, name: 'Grace Hopper' },
      { id: `${workspaceId}-pro-03`, userId: `${workspaceId}-pro-03`, email: null, name: null },
    ]);
    expect(preview.sample.at(-1)?.id).toBe(`${workspaceId}-pro-20`);
    expect(await previewSegment(db, workspaceId, { kind: 'attribute', attribute: 'plan', op: 'eq', value: 'enterprise' }, asOf)).toEqual({ count: 0, sample: [] });
    expect(await refusal(previewSegment(db, workspaceId, { kind: 'any', conditions: [{ kind: 'list' }] }, asOf))).toBe(
      'invalid: conditions.0.list: Invalid input: expected string, received undefined',
    );
  });
});
