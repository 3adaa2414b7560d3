import { and, asc, contacts, enrolments, eq, nodeVisits } from '@tend/db';
import { journeyWorkflowId, type JourneyPosition } from '@tend/journey/ir';
import type { JourneyGraphInput } from '@tend/journey';
import { checkHealth, createCaller } from '@tend/server';
import { test as base, expect } from 'vitest';
import { startTestTend, type ReceivedMail, type TestTend } from '../testing/index.js';

/**
 * The engine's end-to-end tests share one Tend per file (Temporal's time-skipping server,
 * PGlite, an SMTP peer, the worker). Time is global to the file: every test uses its own
 * journey ids and contacts, so another test's skipped days only move contacts that are not its own.
 */
export interface EngineTend extends TestTend {
  /** The console's tRPC API, called without HTTP. */
  api: ReturnType<typeof createCaller>;
  /** Publishes through the console (validate, compile, append a version, move waiting contacts). */
  publish(graph: JourneyGraphInput, options?: { moveWaiting?: boolean; nodeMap?: Record<string, string> }): Promise<{ version: number; moved: number }>;
  identify(userId: string, traits?: Record<string, unknown>): Promise<void>;
  track(userId: string, event: string, properties?: Record<string, unknown>): Promise<void>;
  /** Many identify and track calls in one request ({ type: 'identify' | 'track', userId, … }). */
  batch(calls: object[]): Promise<void>;
  contactId(userId: string): Promise<string>;
  /** Mail that arrived at the SMTP peer for one address. */
  mailTo(address: string): ReceivedMail[];
  /** Resolves once `count` messages arrived for `address` (real time, not skipped time). */
  waitForMail(address: string, count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** A contact's trail through one journey, oldest first. */
  trail(userId: string, journeyId: string): Promise<{ nodeId: string; visit: number; outcome: string; at: Date; version: number }[]>;
  enrolment(userId: string, journeyId: string): Promise<typeof enrolments.$inferSelect | undefined>;
  /** Resolves with the enrolment once the contact's run has ended (its last visits are then on record). */
  ended(userId: string, journeyId: string): Promise<typeof enrolments.$inferSelect>;
  position(userId: string, journeyId: string): Promise<JourneyPosition>;
  workflowId(userId: string, journeyId: string): Promise<string>;
  /** Skips Temporal time (the worker and activities keep real time). */
  sleep(duration: string | number): Promise<void>;
  now(): Promise<number>;
}

/** Tests on Temporal's time-skipping test server: `tend.sleep('90 days')` takes milliseconds. */
export const test = base.extend<{ tend: EngineTend }>({
  tend: [
    // eslint-disable-next-line no-empty-pattern -- vitest reads the fixture's dependencies from this pattern
    async ({}, use) => {
      const tend = await startTestTend();
      try {
        await use(withHelpers(tend));
      } finally {
        await tend.stop();
      }
    },
    { scope: 'file' },
  ],
});

/**
 * Tests on a real Temporal dev server, in wall-clock time. The time-skipping test server
 * differs from Temporal where these tests look: it drops the signal of a signalWithStart that
 * starts a workflow, and a signalWithStart to a running workflow that then continues-as-new
 * never returns.
 */
export const devServerTest = base.extend<{ tend: EngineTend }>({
  tend: [
    // eslint-disable-next-line no-empty-pattern -- vitest reads the fixture's dependencies from this pattern
    async ({}, use) => {
      const tend = await startTestTend({ temporal: 'dev-server' });
      try {
        await use(withHelpers(tend));
      } finally {
        await tend.stop();
      }
    },
    { scope: 'file' },
  ],
});

export { expect };

function withHelpers(tend: TestTend): EngineTend {
  const db = tend.database.db;
  const api = createCaller({ db, temporal: tend.env.client, workspace: tend.workspace, health: () => checkHealth(tend.database, tend.env.client, 'default') });
  const post = async (kind: 'identify' | 'track' | 'batch', payload: object) => {
    const response = await tend.app.inject({ method: 'POST', url: `/v1/${kind}`, headers: { authorization: tend.auth }, payload });
    expect(response.statusCode, response.body).toBe(200);
  };
  const contactId = async (userId: string) => {
    const [row] = await db.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.workspaceId, tend.workspace.id), eq(contacts.userId, userId)));
    if (!row) throw new Error(`no contact "${userId}"`);
    return row.id;
  };
  const mailTo = (address: string) => tend.smtp.received.filter((mail) => mail.to.includes(address));
  return {
    ...tend,
    api,
    async publish(graph, options = {}) {
      const result = await api.journeys.publish({ graph, moveWaiting: options.moveWaiting ?? false, nodeMap: options.nodeMap ?? {} });
      if (!result.ok) throw new Error(`"${(graph as { id?: string }).id}" was refused: ${JSON.stringify(result.problems)}`);
      return { version: result.version, moved: result.moved };
    },
    identify: (userId, traits = {}) => post('identify', { userId, traits }),
    track: (userId, event, properties = {}) => post('track', { userId, event, properties }),
    batch: (calls) => post('batch', { batch: calls }),
    contactId,
    mailTo,
    async waitForMail(address, count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (mailTo(address).length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} message(s) to ${address} within ${timeoutMs} ms, received ${mailTo(address).length}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return mailTo(address);
    },
    async trail(userId, journeyId) {
      const id = await contactId(userId);
      return db
        .select({ nodeId: nodeVisits.nodeId, visit: nodeVisits.visit, outcome: nodeVisits.outcome, at: nodeVisits.at, version: nodeVisits.version })
        .from(nodeVisits)
        .where(and(eq(nodeVisits.contactId, id), eq(nodeVisits.journeyId, journeyId)))
        .orderBy(asc(nodeVisits.at), asc(nodeVisits.id));
    },
    async enrolment(userId, journeyId) {
      const id = await contactId(userId);
      const [row] = await db.select().from(enrolments).where(and(eq(enrolments.contactId, id), eq(enrolments.journeyId, journeyId)));
      return row;
    },
    async ended(userId, journeyId) {
      return eventually(async () => {
        const row = await this.enrolment(userId, journeyId);
        return row && row.status !== 'active' ? row : null;
      }, `${userId}'s run of ${journeyId} to end`);
    },
    async position(userId, journeyId) {
      return tend.env.client.workflow.getHandle(await this.workflowId(userId, journeyId)).query<JourneyPosition>('position');
    },
    async workflowId(userId, journeyId) {
      return journeyWorkflowId(tend.workspace.id, journeyId, await contactId(userId));
    },
    sleep: (duration) => tend.env.sleep(duration as never),
    now: () => tend.env.currentTimeMs(),
  };
}

type NodeSpec = [type: string, data?: Record<string, unknown>];

/**
 * A draft graph written compactly: nodes by id, edges as "from -> to" or "from:output -> to".
 * Positions do not matter to the engine, so every node sits at the origin.
 */
export function journey(
  id: string,
  spec: { settings?: Record<string, unknown>; nodes: Record<string, NodeSpec>; edges: string[] },
): JourneyGraphInput {
  return {
    id,
    name: id,
    ...(spec.settings ? { settings: spec.settings as JourneyGraphInput['settings'] } : {}),
    nodes: Object.entries(spec.nodes).map(([nodeId, [type, data = {}]]) => ({ id: nodeId, type, data })),
    edges: spec.edges.map((edge) => {
      const [from, to] = edge.split('->').map((part) => part.trim()) as [string, string];
      const [source, sourceHandle] = from.split(':') as [string, string | undefined];
      return { id: edge, source, target: to, ...(sourceHandle ? { sourceHandle } : {}) };
    }),
  };
}

/** An email node whose subject says which step sent it. */
export function email(subject: string): NodeSpec {
  return ['send-email', { subject, html: `<p>${subject}</p>` }];
}

/** Lets in-flight work (signals, activities, SMTP) land before asserting that something did not happen. */
export function settle(ms = 400): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls (in real time) until `probe` returns a value that is not undefined, null or false. */
export async function eventually<T>(probe: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
