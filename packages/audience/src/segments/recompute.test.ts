import { and, asc, contacts, eq, events, inArray, newId, segmentMemberships, segments, type Database } from '@tend/db';
import { availableTestDatabases, insertContact } from '@tend/db/testing';
import { triggerMatches, type Condition } from '@tend/journey/ir';
import { describe, expect } from 'vitest';
import { recomputeAllSegments, recomputeSegment, refreshSegmentsForContacts } from './recompute.js';
import { createSegment } from './segment-store.js';
import { databaseTest } from '../testing/database-test.js';

const day = 86_400_000;
const lastOrder = new Date('2026-01-01T10:00:00Z');
const after = (days: number, hours = 0) => new Date(lastOrder.getTime() + days * day + hours * 3_600_000);

/** "Lapsed": ordered at some time, but not in the last 90 days. */
const lapsed: Condition = {
  kind: 'all',
  conditions: [
    { kind: 'event-count', event: 'Order Completed', filters: [], atLeast: 1, since: '2000-01-01' },
    { kind: 'not', condition: { kind: 'event-count', event: 'Order Completed', filters: [], atLeast: 1, withinDays: 90 } },
  ],
};

const tests = new Map(availableTestDatabases().map((kind) => [kind, databaseTest(kind)]));

describe.each([...tests.keys()])('segment membership over time (%s)', (kind) => {
  const test = tests.get(kind)!;

  async function order(db: Database, workspaceId: string, contactId: string, at: Date): Promise<void> {
    await db.insert(events).values({
      id: newId('ev'),
      workspaceId,
      messageId: newId('msg'),
      type: 'track',
      name: 'Order Completed',
      contactId,
      properties: { revenue: 50 },
      occurredAt: at,
      routedAt: at,
    });
  }

  async function members(db: Database, workspaceId: string, segment: string): Promise<string[]> {
    const rows = await db
      .select({ contactId: segmentMemberships.contactId })
      .from(segmentMemberships)
      .where(and(eq(segmentMemberships.workspaceId, workspaceId), eq(segmentMemberships.segment, segment)))
      .orderBy(asc(segmentMemberships.contactId));
    return rows.map((row) => row.contactId);
  }

  async function membershipEvents(db: Database, workspaceId: string) {
    return db
      .select({ name: events.name, contactId: events.contactId, properties: events.properties, occurredAt: events.occurredAt, routedAt: events.routedAt, messageId: events.messageId, type: events.type })
      .from(events)
      .where(and(eq(events.workspaceId, workspaceId), eq(events.type, 'track'), inArray(events.name, ['Segment Entered', 'Segment Exited'])))
      .orderBy(asc(events.seq));
  }

  test('a contact whose last order turns 90 days old enters "lapsed" at the next recompute, with no new event', async ({ db, workspaceId }) => {
    const ada = await insertContact(db, { id: `${workspaceId}-ada`, workspaceId });
    await insertContact(db, { id: `${workspaceId}-never`, workspaceId }); // never ordered: never lapsed
    await order(db, workspaceId, ada, lastOrder);
    await createSegment(db, workspaceId, { id: 'lapsed', name: 'Lapsed customers', definition: lapsed });

    expect(await recomputeSegment(db, workspaceId, 'lapsed', after(89))).toEqual({ segment: 'lapsed', entered: 0, exited: 0, size: 0 });
    expect(await membershipEvents(db, workspaceId)).toEqual([]);

    const recomputedAt = after(90, 1);
    expect(await recomputeSegment(db, workspaceId, 'lapsed', recomputedAt)).toEqual({ segment: 'lapsed', entered: 1, exited: 0, size: 1 });
    expect(await members(db, workspaceId, 'lapsed')).toEqual([ada]);
    const entered = await membershipEvents(db, workspaceId);
    expect(entered).toEqual([
      {
        type: 'track',
        name: 'Segment Entered',
        contactId: ada,
        properties: { segment: 'lapsed', segmentName: 'Lapsed customers' },
        occurredAt: recomputedAt,
        routedAt: null, // for the routing consumer, which enters segment-triggered journeys
        messageId: `segment:lapsed:${ada}:entered:${recomputedAt.getTime()}`,
      },
    ]);
    // What routing will see: the journey trigger "Entered segment lapsed" matches it.
    const trigger = { nodeId: 'entered', kind: 'segment' as const, segment: 'lapsed', next: null };
    const { name, properties } = entered[0]!;
    expect(triggerMatches(trigger, { type: 'track', name, properties, createdContact: false })).toBe(true);
    expect(await db.select({ computedAt: segments.computedAt, size: segments.size }).from(segments).where(eq(segments.workspaceId, workspaceId))).toEqual([
      { computedAt: recomputedAt, size: 1 },
    ]);

    // The same recompute again changes nothing and records nothing twice.
    expect(await recomputeSegment(db, workspaceId, 'lapsed', recomputedAt)).toEqual({ segment: 'lapsed', entered: 0, exited: 0, size: 1 });
    expect(await membershipEvents(db, workspaceId)).toHaveLength(1);

    // A new order: the real-time refresh for this contact takes them out.
    const backAt = after(120);
    await order(db, workspaceId, ada, backAt);
    expect(await refreshSegmentsForContacts(db, workspaceId, [ada], backAt)).toEqual([{ segment: 'lapsed', entered: 0, exited: 1 }]);
    expect(await members(db, workspaceId, 'lapsed')).toEqual([]);
    expect((await membershipEvents(db, workspaceId)).map((event) => [event.name, event.occurredAt, event.messageId])).toEqual([
      ['Segment Entered', recomputedAt, `segment:lapsed:${ada}:entered:${recomputedAt.getTime()}`],
      ['Segment Exited', backAt, `segment:lapsed:${ada}:exited:${backAt.getTime()}`],
    ]);
    expect((await db.select({ size: segments.size }).from(segments).where(eq(segments.workspaceId, workspaceId)))[0]?.size).toBe(0);
  });

  test('a refresh touches only the contacts it names', async ({ db, workspaceId }) => {
    const [ada, grace] = [`${workspaceId}-ada`, `${workspaceId}-grace`];
    await insertContact(db, { id: ada, workspaceId });
    await insertContact(db, { id: grace, workspaceId });
    await order(db, workspaceId, ada, lastOrder);
    await order(db, workspaceId, grace, lastOrder);
    await createSegment(db, workspaceId, { id: 'lapsed', name: 'Lapsed', definition: lapsed });
    await recomputeSegment(db, workspaceId, 'lapsed', after(10));

    expect(await refreshSegmentsForContacts(db, workspaceId, [grace, grace], after(100))).toEqual([{ segment: 'lapsed', entered: 1, exited: 0 }]);
    expect(await members(db, workspaceId, 'lapsed')).toEqual([grace]); // ada too is lapsed by now, but was not named
    expect(await refreshSegmentsForContacts(db, workspaceId, [grace], after(100))).toEqual([]);
    expect(await refreshSegmentsForContacts(db, workspaceId, [], after(100))).toEqual([]);
    expect((await db.select({ size: segments.size }).from(segments).where(eq(segments.workspaceId, workspaceId)))[0]?.size).toBe(1);

    expect(await recomputeSegment(db, workspaceId, 'lapsed', after(100))).toMatchObject({ entered: 1, exited: 0, size: 2 });
  });

  test('recomputes every segment after the segments it uses', async ({ db, workspaceId }) => {
    const [ada, grace] = [`${workspaceId}-ada`, `${workspaceId}-grace`];
    await insertContact(db, { id: ada, workspaceId, traits: { plan: 'pro' } });
    await insertContact(db, { id: grace, workspaceId, traits: { plan: 'free' } });
    await order(db, workspaceId, ada, lastOrder);
    await order(db, workspaceId, grace, lastOrder);
    // Stored (and listed) before the segment it uses: the recompute must still do "lapsed" first.
    await createSegment(db, workspaceId, {
      id: 'a-lapsed-pros',
      name: 'Lapsed pros',
      definition: { kind: 'all', conditions: [{ kind: 'segment', segment: 'lapsed' }, { kind: 'attribute', attribute: 'plan', op: 'eq', value: 'pro' }] },
    });
    await createSegment(db, workspaceId, { id: 'lapsed', name: 'Lapsed', definition: lapsed });

    const results = await recomputeAllSegments(db, workspaceId, after(100));
    expect(results).toEqual([
      { segment: 'lapsed', entered: 2, exited: 0, size: 2 },
      { segment: 'a-lapsed-pros', entered: 1, exited: 0, size: 1 },
    ]);
    expect(await members(db, workspaceId, 'a-lapsed-pros')).toEqual([ada]);

    // grace turns pro: the real-time refresh puts her among the lapsed pros.
    await db.update(contacts).set({ traits: { plan: 'pro' } }).where(eq(contacts.id, grace));
    expect(await refreshSegmentsForContacts(db, workspaceId, [grace], after(101))).toEqual([{ segment: 'a-lapsed-pros', entered: 1, exited: 0 }]);
  });
});
