import { and, asc, contacts, eq, events, lifetimeValues, listMemberships, lists, newId, rfmScores, segmentMemberships, type Database } from '@tend/db';
import { availableTestDatabases, insertContact, openTestDatabase, seedWorkspace, testWorkspaceId } from '@tend/db/testing';
import { evaluateCondition, type Condition } from '@tend/journey/ir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluatorFacts } from './evaluator-facts.js';
import { SegmentError } from './segment-error.js';
import { segmentSql } from './segment-sql.js';

const asOf = new Date('2026-06-30T12:00:00Z');
const daysAgo = (days: number) => new Date(asOf.getTime() - days * 86_400_000);
const everyone = ['ada', 'grace', 'kim', 'linus'];

/**
 * Four contacts, each condition's members worked out by hand from this list:
 * - ada: pro, 12 seats (as text), renews 2026-09-01, tagged vip; orders of 120, 80 and 300 40, 10
 *   and 2 days ago; on the newsletter; a Champion; predicted to spend 180 (alive 0.92).
 * - grace: free, no email; one order of 500 100 days ago; viewed /pricing 3 days ago; At risk;
 *   predicted to spend 20 (alive 0.3).
 * - kim: no traits; six orders of 150, 1 to 6 days ago, and a refund; no RFM score, no prediction.
 * - linus: pro, 3 seats, no email; no events; in the segment "vip" (computed elsewhere) and on
 *   the list "vip-customers".
 * Another workspace has a contact like ada, never selected here.
 */
async function seed(db: Database): Promise<void> {
  await seedWorkspace(db);
  await seedWorkspace(db, { id: 'other', writeKey: 'wk-other' });
  await insertContact(db, { id: 'ada', email: 'ada@example.com', traits: { name: 'Ada', plan: 'pro', seats: '12', renewalDate: '2026-09-01', tags: ['vip'] } });
  await insertContact(db, { id: 'grace', traits: { plan: 'free' } });
  await insertContact(db, { id: 'kim', email: 'kim@example.com' });
  await insertContact(db, { id: 'linus', traits: { plan: 'pro', seats: 3 } });
  await insertContact(db, { id: 'ada-elsewhere', workspaceId: 'other', email: 'ada@example.com', traits: { plan: 'pro' } });

  const event = (contactId: string, type: 'track' | 'page', name: string, properties: Record<string, unknown>, at: Date) => ({
    id: newId('ev'),
    workspaceId: contactId === 'ada-elsewhere' ? 'other' : testWorkspaceId,
    messageId: newId('msg'),
    type,
    name,
    contactId,
    properties,
    occurredAt: at,
  });
  const order = (contactId: string, revenue: number, days: number) => event(contactId, 'track', 'Order Completed', { revenue, currency: 'GBP' }, daysAgo(days));
  await db.insert(events).values([
    order('ada', 120, 40),
    order('ada', 80, 10),
    order('ada', 300, 2),
    order('grace', 500, 100),
    event('grace', 'page', 'Pricing', { path: '/pricing' }, daysAgo(3)),
    ...[1, 2, 3, 4, 5, 6].map((days) => order('kim', 150, days)),
    event('kim', 'track', 'Order Refunded', { total: 150 }, daysAgo(1)),
    ...[1, 2, 3, 4, 5, 6].map((days) => order('ada-elsewhere', 150, days)),
  ]);

  await db.insert(lists).values([
    { workspaceId: testWorkspaceId, id: 'newsletter', name: 'Newsletter' },
    { workspaceId: testWorkspaceId, id: 'vip-customers', name: 'VIP customers' },
  ]);
  await db.insert(listMemberships).values([
    { workspaceId: testWorkspaceId, listId: 'newsletter', contactId: 'ada' },
    { workspaceId: testWorkspaceId, listId: 'vip-customers', contactId: 'linus' },
  ]);
  await db.insert(segmentMemberships).values({ workspaceId: testWorkspaceId, segment: 'vip', contactId: 'linus' });
  const score = { recencyDays: 2, frequency: 3, monetary: 500, r: 5, f: 4, m: 4, computedAt: asOf };
  await db.insert(rfmScores).values([
    { workspaceId: testWorkspaceId, contactId: 'ada', ...score, group: 'Champions' },
    { workspaceId: testWorkspaceId, contactId: 'grace', ...score, group: 'At risk' },
  ]);
  await db.insert(lifetimeValues).values([
    { workspaceId: testWorkspaceId, contactId: 'ada', probabilityAlive: 0.92, expectedPurchases: 1.4, expectedSpend: 180, computedAt: asOf },
    { workspaceId: testWorkspaceId, contactId: 'grace', probabilityAlive: 0.3, expectedPurchases: 0.1, expectedSpend: 20, computedAt: asOf },
  ]);
}

const orders = (atLeast: number, bounds: { withinDays?: number; since?: string }, filters: Extract<Condition, { kind: 'event-count' }>['filters'] = []): Condition => ({
  kind: 'event-count',
  event: 'Order Completed',
  filters,
  atLeast,
  ...bounds,
});

const cases: [string, Condition, string[]][] = [
  ['plan is pro', { kind: 'attribute', attribute: 'plan', op: 'eq', value: 'pro' }, ['ada', 'linus']],
  ['at least 10 seats (one as text)', { kind: 'attribute', attribute: 'seats', op: 'gte', value: 10 }, ['ada']],
  ['email contains @EXAMPLE.com', { kind: 'attribute', attribute: 'email', op: 'contains', value: '@EXAMPLE.com' }, ['ada', 'kim']],
  ['has a userId', { kind: 'attribute', attribute: 'userId', op: 'exists' }, everyone],
  ['id starts with "gr"', { kind: 'attribute', attribute: 'id', op: 'starts_with', value: 'gr' }, ['grace']],
  ['renews after 2026-01-01', { kind: 'attribute', attribute: 'renewalDate', op: 'gt', value: '2026-01-01' }, ['ada']],
  ['has no email', { kind: 'attribute', attribute: 'email', op: 'not_exists' }, ['grace', 'linus']],
  ['tagged vip or gold', { kind: 'attribute', attribute: 'tags', op: 'in', value: ['vip', 'gold'] }, ['ada']],
  ['plan is not free', { kind: 'attribute', attribute: 'plan', op: 'neq', value: 'free' }, ['ada', 'kim', 'linus']],
  ['ordered twice in 30 days', orders(2, { withinDays: 30 }), ['ada', 'kim']],
  ['ordered 5 times in 90 days with revenue > 100', orders(5, { withinDays: 90 }, [{ property: 'revenue', op: 'gt', value: 100 }]), ['kim']],
  ['ordered over 100 twice in 90 days', orders(2, { withinDays: 90 }, [{ property: 'revenue', op: 'gt', value: 100 }]), ['ada', 'kim']],
  ['ordered ever (since year 2000)', orders(1, { since: '2000-01-01' }), ['ada', 'grace', 'kim']],
  ['did not order since 2026-05-01', { kind: 'not', condition: orders(1, { since: '2026-05-01' }) }, ['grace', 'linus']],
  ['ordered since 2026-06-25 (later than 90 days)', orders(1, { withinDays: 90, since: '2026-06-25' }), ['ada', 'kim']],
  ['ordered within 5 days (later than 2026-01-01)', orders(5, { withinDays: 5, since: '2026-01-01' }), ['kim']],
  [
    'viewed /pricing this week (a page call)',
    { kind: 'event-count', event: 'Page Viewed', filters: [{ property: 'path', op: 'eq', value: '/pricing' }], atLeast: 1, withinDays: 7 },
    ['grace'],
  ],
  ['in the segment vip', { kind: 'segment', segment: 'vip', member: true }, ['linus']],
  ['not in the segment vip', { kind: 'segment', segment: 'vip', member: false }, ['ada', 'grace', 'kim']],
  ['on the newsletter', { kind: 'list', list: 'newsletter', member: true }, ['ada']],
  ['not on vip-customers', { kind: 'list', list: 'vip-customers', member: false }, ['ada', 'grace', 'kim']],
  ['Champions or Loyal', { kind: 'rfm', groups: ['Champions', 'Loyal'] }, ['ada']],
  ['At risk', { kind: 'rfm', groups: ['At risk'] }, ['grace']],
  ['no RFM group is not in Lost', { kind: 'not', condition: { kind: 'rfm', groups: ['Lost'] } }, everyone],
  ['expected spend over 100', { kind: 'predicted', measure: 'expectedSpend', op: 'gt', value: 100 }, ['ada']],
  ['probably gone', { kind: 'predicted', measure: 'probabilityAlive', op: 'lt', value: 0.5 }, ['grace']],
  ['expected purchases at most 0.1', { kind: 'predicted', measure: 'expectedPurchases', op: 'lte', value: 0.1 }, ['grace']],
  ['without a prediction', { kind: 'not', condition: { kind: 'predicted', measure: 'expectedSpend', op: 'gte', value: 0 } }, ['kim', 'linus']],
  [
    'a Champion or on vip-customers',
    { kind: 'any', conditions: [{ kind: 'rfm', groups: ['Champions'] }, { kind: 'list', list: 'vip-customers', member: true }] },
    ['ada', 'linus'],
  ],
  [
    'pro and not ordered in 30 days',
    { kind: 'all', conditions: [{ kind: 'attribute', attribute: 'plan', op: 'eq', value: 'pro' }, { kind: 'not', condition: orders(1, { withinDays: 30 }) }] },
    ['linus'],
  ],
  ['all of nothing', { kind: 'all', conditions: [] }, everyone],
  ['any of nothing', { kind: 'any', conditions: [] }, []],
];

describe.each(availableTestDatabases())('segmentSql (%s)', (kind) => {
  let close: () => Promise<void>;
  let db: Database;

  beforeAll(async () => {
    const handle = await openTestDatabase(kind);
    close = handle.close;
    db = handle.db;
    await seed(db);
  });
  afterAll(async () => {
    await close?.();
  });

  async function members(condition: Condition): Promise<string[]> {
    const rows = await db
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, testWorkspaceId), segmentSql(condition, { workspaceId: testWorkspaceId, asOf })))
      .orderBy(asc(contacts.id));
    return rows.map((row) => row.id);
  }

  it.each(cases)('%s', async (_, condition, expected) => {
    expect(await members(condition)).toEqual(expected);
  });

  it.each(cases)('agrees with the journey evaluator: %s', async (_, condition) => {
    const byEvaluator: string[] = [];
    for (const contactId of everyone) {
      if (evaluateCondition(condition, await evaluatorFacts(db, testWorkspaceId, contactId, condition, asOf))) byEvaluator.push(contactId);
    }
    expect(await members(condition)).toEqual(byEvaluator);
  });

  it('selects only the workspace\'s contacts', async () => {
    const rows = await db.select({ id: contacts.id }).from(contacts).where(segmentSql(orders(5, { withinDays: 30 }), { workspaceId: 'other', asOf }));
    expect(rows.map((row) => row.id)).toEqual(['ada-elsewhere']);
  });

  it('moves "the last N days" with asOf', async () => {
    const ordered = orders(1, { withinDays: 30 });
    expect(await members(ordered)).toEqual(['ada', 'kim']);
    const later = segmentSql(ordered, { workspaceId: testWorkspaceId, asOf: new Date(asOf.getTime() + 29 * 86_400_000) });
    const rows = await db.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.workspaceId, testWorkspaceId), later));
    // 29 days on, the window starts a day before the old asOf: kim's last order (1 day before) is in it, ada's (2 days) is not.
    expect(rows.map((row) => row.id)).toEqual(['kim']);
  });

  it('refuses engagement conditions, naming their path', () => {
    const definition: Condition = {
      kind: 'all',
      conditions: [
        { kind: 'list', list: 'newsletter', member: true },
        { kind: 'not', condition: { kind: 'engagement', nodeId: 'welcome', action: 'opened' } },
      ],
    };
    expect(() => segmentSql(definition, { workspaceId: testWorkspaceId, asOf })).toThrow(SegmentError);
    expect(() => segmentSql(definition, { workspaceId: testWorkspaceId, asOf })).toThrow(
      'conditions.1.condition.kind: engagement conditions belong to journeys (an email a journey sent was opened or clicked): a segment cannot use one',
    );
  });
});
