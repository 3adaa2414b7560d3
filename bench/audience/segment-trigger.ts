import { createSegment } from '@tend/audience';
import { and, contacts, enrolments, eq, events, inArray, sql } from '@tend/db';
import { startTestTend, type TestTend } from '@tend/e2e/harness';
import type { JourneyGraphInput } from '@tend/journey';
import { publishJourney } from '@tend/publishing';
import type { Cleanup } from '../cleanup.js';
import { format, number, progress, type Comparison } from '../report.js';
import { summarize } from '../stats.js';
import { quietWorkerLogs } from '../worker-logs.js';
import type { DatabaseTarget } from './bench-database.js';
import { timed } from './timed.js';
import { repeatBuyers, secondOrderJourney, segmentEntryJourney } from './trigger-journeys.js';

const warmupContacts = 3;
const pollMs = 10;
const timeoutMs = 15_000;

/** Milliseconds from sending a contact's second order until each thing was first seen; NaN if never. */
interface SecondOrder {
  routed: number;
  bySegment: number;
  byEvent: number;
}

/**
 * Event → segment entry → journey started, on the whole of Tend in this process
 * (startTestTend: the routing consumer refreshes segments after each routed batch). `count`
 * contacts, one at a time, send their second order to POST /v1/track; the time until their run of
 * the "entered segment" journey is in `enrolments` (written as signalWithStart returns), beside
 * the time until the same event is marked routed and until it has entered a plain
 * event-triggered journey.
 */
export async function benchSegmentTrigger(options: { target: DatabaseTarget; count: number; cleanup: Cleanup }) {
  const { target, count, cleanup } = options;
  quietWorkerLogs();
  progress(`Tend in this process on ${target.label} and the time-skipping test server (startTestTend: bundles the workflows first)`);
  const started = await timed(() => startTend(target));
  const tend = started.result;
  const stop = cleanup.defer(`Tend on ${target.label} for the segment trigger`, () => tend.stop());
  try {
    const { db } = tend.database;
    const workspaceId = tend.workspace.id;
    await createSegment(db, workspaceId, repeatBuyers);
    for (const journey of [segmentEntryJourney, secondOrderJourney]) await publish(tend, journey);

    const runId = Date.now().toString(36);
    const userIds = Array.from({ length: warmupContacts + count }, (_, i) => `${i < warmupContacts ? 'warmup' : 'buyer'}-${runId}-${i}`);
    progress(`${userIds.length} contacts place a first order (${warmupContacts} of them warm-up, not counted)`);
    for (const userId of userIds) await order(tend, userId, 1);
    await tend.routed();
    const contactOf = await contactIds(tend, userIds);

    progress(`each sends a second order, one at a time; polling every ${pollMs} ms until their journeys have started`);
    const seen: SecondOrder[] = [];
    const answers: number[] = [];
    for (const userId of userIds) {
      const began = performance.now();
      const messageId = await order(tend, userId, 2);
      answers.push(performance.now() - began);
      seen.push(await watch(tend, { contactId: contactOf.get(userId)!, messageId, began }));
    }
    return report(seen.slice(warmupContacts), answers.slice(warmupContacts), { target, startMs: started.ms });
  } finally {
    await stop();
  }
}

/** startTestTend on the target; a server's throwaway database is made by openTestDatabase, which reads DATABASE_URL. */
async function startTend(target: DatabaseTarget): Promise<TestTend> {
  if (target.kind === 'pglite') return startTestTend({ database: 'pglite' });
  // main.ts keeps DATABASE_URL out of the environment: set it only while the database is made.
  process.env.DATABASE_URL = target.where;
  try {
    return await startTestTend({ database: 'postgres' });
  } finally {
    delete process.env.DATABASE_URL;
  }
}

async function publish(tend: TestTend, journey: JourneyGraphInput): Promise<void> {
  const published = await publishJourney(tend.database.db, tend.workspace.id, journey);
  if (!published.ok) throw new Error(`${journey.id} was refused: ${JSON.stringify(published.problems)}`);
}

/** POST /v1/track "Order Completed" with `nth`; returns its messageId. */
async function order(tend: TestTend, userId: string, nth: number): Promise<string> {
  const messageId = `order-${nth}-${userId}`;
  const payload = { userId, event: 'Order Completed', messageId, properties: { order_id: messageId, revenue: 25 * nth, currency: 'GBP', nth } };
  const response = await tend.app.inject({ method: 'POST', url: '/v1/track', headers: { authorization: tend.auth }, payload });
  if (response.statusCode !== 200) throw new Error(`POST /v1/track answered ${response.statusCode}: ${response.body}`);
  return messageId;
}

async function contactIds(tend: TestTend, userIds: string[]): Promise<Map<string, string>> {
  const rows = await tend.database.db
    .select({ id: contacts.id, userId: contacts.userId })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, tend.workspace.id), inArray(contacts.userId, userIds)));
  const found = new Map(rows.map((row) => [row.userId!, row.id]));
  for (const userId of userIds) if (!found.has(userId)) throw new Error(`no contact for ${userId}: the ingest did not store it`);
  return found;
}

/**
 * Reads, every `pollMs`, whether the order is routed and whether each journey has this contact's
 * run (the event-triggered one entered by this very order), until all three are seen.
 */
async function watch(tend: TestTend, order: { contactId: string; messageId: string; began: number }): Promise<SecondOrder> {
  const { db } = tend.database;
  const workspaceId = tend.workspace.id;
  const enrolled = (journeyId: string, entry?: string) => sql`exists (select 1 from ${enrolments} where ${and(
    eq(enrolments.workspaceId, workspaceId),
    eq(enrolments.journeyId, journeyId),
    eq(enrolments.contactId, order.contactId),
    entry === undefined ? undefined : eq(enrolments.entryMessageId, entry),
  )})`;
  const query = sql`select
    coalesce((select ${events.routedAt} is not null from ${events} where ${and(eq(events.workspaceId, workspaceId), eq(events.messageId, order.messageId))}), false) as routed,
    ${enrolled(segmentEntryJourney.id)} as "bySegment",
    ${enrolled(secondOrderJourney.id, order.messageId)} as "byEvent"`;
  const seen: SecondOrder = { routed: NaN, bySegment: NaN, byEvent: NaN };
  while (performance.now() - order.began < timeoutMs) {
    const [row] = ((await db.execute(query)) as unknown as { rows: Record<keyof SecondOrder, boolean>[] }).rows;
    const now = performance.now() - order.began;
    for (const key of ['routed', 'bySegment', 'byEvent'] as const) if (row?.[key] && Number.isNaN(seen[key])) seen[key] = now;
    if (!Object.values(seen).some(Number.isNaN)) break;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  return seen;
}

function report(seen: SecondOrder[], answers: number[], context: { target: DatabaseTarget; startMs: number }) {
  const of = (key: keyof SecondOrder) => summarize(seen.map((one) => one[key]).filter((ms) => !Number.isNaN(ms)));
  const [bySegment, byEvent, routed] = [of('bySegment'), of('byEvent'), of('routed')];
  const label = '2nd order → segment-entry journey started';
  const rows: Comparison[] = [
    { figure: `${label}, p50`, value: bySegment.p50, baseline: 'same order → event-trigger journey started, p50', base: byEvent.p50, unit: 'duration' },
    { figure: `${label}, p95`, value: bySegment.p95, baseline: 'same order → event-trigger journey started, p95', base: byEvent.p95, unit: 'duration' },
  ];
  const missing = seen.length - bySegment.count;
  const notes = [
    `${seen.length} contacts, one at a time, each sending its second "Order Completed" to POST /v1/track (answered in ${format(summarize(answers).p50, 'duration')} p50); ` +
      `${warmupContacts} warm-up contacts before them not counted${missing > 0 ? `; ${missing} never started the segment journey within ${timeoutMs / 1000} s` : ''}.`,
    `Path: the order is stored and routed (entering "${secondOrderJourney.name}", whose trigger matches nth = 2: the baseline), then the routing consumer refreshes the ` +
      `contact's segments, stores "Segment Entered" for "${repeatBuyers.name}" and routes it next, entering "${segmentEntryJourney.name}". Both journeys are trigger → exit.`,
    `Started = the contact's row in enrolments (written as signalWithStart returns), polled every ${pollMs} ms, as is routed_at: each figure is late by up to that. ` +
      `Slowest: segment ${format(bySegment.max, 'duration')}, event ${format(byEvent.max, 'duration')}. ` +
      `The order was seen routed at p50 ${format(routed.p50, 'duration')} (${number(routed.count)} of ${seen.length}): routed_at is set once its batch's entries are made, so after the event-trigger journey started.`,
    `startTestTend on ${context.target.kind === 'pglite' ? 'an in-memory PGlite' : 'a throwaway database on the Postgres server'} (empty but for these contacts) and Temporal's time-skipping test server; ` +
      `starting it took ${format(context.startMs, 'duration')} (not in the figures).`,
  ];
  return { rows, notes };
}
