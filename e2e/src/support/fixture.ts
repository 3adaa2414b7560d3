import { and, asc, contacts, enrolments, eq, nodeVisits } from '@tend/db';
import type { JourneyGraphInput } from '@tend/journey';
import { journeyWorkflowId, type JourneyPosition } from '@tend/journey/ir';
import type { ReceivedMail } from '@tend/channels/testing';
import { checkHealth, createCaller, type MessageSenders } from '@tend/server';
import { test as base, expect } from 'vitest';
import { exampleJourney } from './journeys.js';
import { startTestTend, type TestTend, type TestTendOptions } from './test-tend.js';
import { eventually } from './wait.js';

/**
 * The whole of Tend for a test file (Temporal, Postgres, an SMTP peer, the worker, the HTTP
 * app), with the calls a test makes as a shop and as a marketer. Time is global to the file:
 * every test uses its own journey ids and contacts, so another test's skipped days only move
 * contacts that are not its own.
 */
export interface Tend extends TestTend {
  /** The console's tRPC API, called without HTTP, as the dev workspace's owner. */
  api: ReturnType<typeof createCaller>;
  /** The same API with the providers test sends go through, as `npm start` composes it. */
  apiSendingBy(senders: MessageSenders): ReturnType<typeof createCaller>;
  /** Publishes through the console (validate, compile, append a version, move waiting contacts). */
  publish(graph: JourneyGraphInput, options?: { moveWaiting?: boolean; nodeMap?: Record<string, string> }): Promise<{ version: number; moved: number }>;
  /** Publishes examples/journeys/<name>.json as it is. */
  publishExample(name: string): Promise<void>;
  /** Calls the ingestion API as a shop's backend would; fails the test unless it answers 200. */
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
  trail(
    userId: string,
    journeyId: string,
  ): Promise<{ nodeId: string; visit: number; outcome: string; output: string | null; detail: Record<string, unknown> | null; at: Date; version: number }[]>;
  /** The same trail as "node:outcome" lines, for comparing whole paths. */
  path(userId: string, journeyId: string): Promise<string[]>;
  enrolment(userId: string, journeyId: string): Promise<typeof enrolments.$inferSelect | undefined>;
  /** Resolves with the enrolment once the contact's run has ended (its last visits are then on record). */
  ended(userId: string, journeyId: string): Promise<typeof enrolments.$inferSelect>;
  position(userId: string, journeyId: string): Promise<JourneyPosition>;
  workflowId(userId: string, journeyId: string): Promise<string>;
  /** Skips Temporal time (the worker and activities keep real time). */
  sleep(duration: string | number): Promise<void>;
  now(): Promise<number>;
}

/** A vitest `test` whose `tend` fixture is one Tend per file, started with these options. */
export function tendTest(options: TestTendOptions = {}) {
  return base.extend<{ tend: Tend }>({
    tend: [
      // eslint-disable-next-line no-empty-pattern -- vitest reads the fixture's dependencies from this pattern
      async ({}, use) => {
        const tend = await startTestTend(options);
        try {
          await use(withHelpers(tend));
        } finally {
          await tend.stop();
        }
      },
      { scope: 'file' },
    ],
  });
}

/** Tests on Temporal's time-skipping test server: `tend.sleep('90 days')` takes milliseconds. */
export const test = tendTest();

/**
 * Tests on a real Temporal dev server, in wall-clock time. The time-skipping test server
 * differs from Temporal where these tests look: it drops the signal of a signalWithStart that
 * starts a workflow, and a signalWithStart to a running workflow that then continues-as-new
 * never returns.
 */
export const devServerTest = tendTest({ temporal: 'dev-server' });

export { expect };

function withHelpers(tend: TestTend): Tend {
  const db = tend.database.db;
  const apiSendingBy = (senders?: MessageSenders) =>
    createCaller({
      db,
      temporal: tend.env.client,
      health: () => checkHealth(tend.database, tend.env.client, 'default'),
      principal: tend.owner,
      workspaceId: tend.workspace.id,
      csrfVerified: false,
      ...(senders ? { senders } : {}),
    });
  const api = apiSendingBy();
  const post = async (kind: 'identify' | 'track' | 'batch', payload: object) => {
    const response = await tend.app.inject({ method: 'POST', url: `/v1/${kind}`, headers: { authorization: tend.auth }, payload });
    expect(response.statusCode, response.body).toBe(200);
    // Ingestion answers once events are stored; a test then expects them routed, as they are milliseconds later.
    await tend.routed();
  };
  const contactId = async (userId: string) => {
    const [row] = await db.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.workspaceId, tend.workspace.id), eq(contacts.userId, userId)));
    if (!row) throw new Error(`no contact "${userId}"`);
    return row.id;
  };
  const mailTo = (address: string) => tend.smtp.received.filter((mail) => mail.to.includes(address));
  const publish: Tend['publish'] = async (graph, options = {}) => {
    const result = await api.journeys.publish({ graph, moveWaiting: options.moveWaiting ?? false, nodeMap: options.nodeMap ?? {} });
    if (!result.ok) throw new Error(`"${(graph as { id?: string }).id}" was refused: ${JSON.stringify(result.problems)}`);
    return { version: result.version, moved: result.moved };
  };
  const trail: Tend['trail'] = async (userId, journeyId) => {
    const id = await contactId(userId);
    return db
      .select({
        nodeId: nodeVisits.nodeId,
        visit: nodeVisits.visit,
        outcome: nodeVisits.outcome,
        output: nodeVisits.output,
        detail: nodeVisits.detail,
        at: nodeVisits.at,
        version: nodeVisits.version,
      })
      .from(nodeVisits)
      .where(and(eq(nodeVisits.contactId, id), eq(nodeVisits.journeyId, journeyId)))
      .orderBy(asc(nodeVisits.at), asc(nodeVisits.id));
  };
  const enrolment: Tend['enrolment'] = async (userId, journeyId) => {
    const id = await contactId(userId);
    const [row] = await db.select().from(enrolments).where(and(eq(enrolments.contactId, id), eq(enrolments.journeyId, journeyId)));
    return row;
  };
  const workflowId: Tend['workflowId'] = async (userId, journeyId) => journeyWorkflowId(tend.workspace.id, journeyId, await contactId(userId));
  return {
    ...tend,
    api,
    apiSendingBy,
    publish,
    publishExample: async (name) => void (await publish(exampleJourney(name))),
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
    trail,
    path: async (userId, journeyId) => (await trail(userId, journeyId)).map((visit) => `${visit.nodeId}:${visit.outcome}`),
    enrolment,
    ended: (userId, journeyId) =>
      eventually(async () => {
        const row = await enrolment(userId, journeyId);
        return row && row.status !== 'active' ? row : null;
      }, `${userId}'s run of ${journeyId} to end`),
    position: async (userId, journeyId) => tend.env.client.workflow.getHandle(await workflowId(userId, journeyId)).query<JourneyPosition>('position'),
    workflowId,
    async sleep(duration) {
      await tend.routed(); // an event sent by hand (app.inject) is routed before time moves on
      await tend.env.sleep(duration as never);
    },
    now: () => tend.env.currentTimeMs(),
  };
}
