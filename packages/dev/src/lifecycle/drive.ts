import { readFileSync } from 'node:fs';
import type { HttpPeer } from '@tend/channels/testing';
import { and, asc, contacts, eq, nodeVisits, type Database } from '@tend/db';
import { publishJourney } from '@tend/server';
import { expect } from 'vitest';
import { startTestTend, type TestTend } from '../testing/test-tend.js';

type JourneyGraphInput = Parameters<typeof publishJourney>[2];

/** Reads a journey from examples/journeys, as a marketer would publish it. */
export function exampleJourney(name: string): JourneyGraphInput {
  return JSON.parse(readFileSync(new URL(`../../../../examples/journeys/${name}.json`, import.meta.url), 'utf8')) as JourneyGraphInput;
}

export async function publishExample(tend: TestTend, name: string): Promise<void> {
  const published = await publishJourney(tend.database.db, tend.workspace.id, exampleJourney(name));
  expect(published).toMatchObject({ ok: true });
}

/** Lets the workflow tasks that an HTTP call started finish before the test skips time. */
export const settle = (ms = 500) => new Promise((resolve) => setTimeout(resolve, ms));

/** Segment-style calls through the app, as a shop's backend would make them. */
export function customer(tend: TestTend) {
  let sequence = 0;
  const post = async (kind: 'identify' | 'track', body: object) => {
    const response = await tend.app.inject({ method: 'POST', url: `/v1/${kind}`, headers: { authorization: tend.auth }, payload: body });
    expect(response.statusCode, response.body).toBe(200);
  };
  return {
    identify: (userId: string, traits: Record<string, unknown>) => post('identify', { userId, messageId: `identify-${userId}-${++sequence}`, traits }),
    track: (userId: string, event: string, properties: Record<string, unknown> = {}) =>
      post('track', { userId, event, properties, messageId: `track-${userId}-${++sequence}` }),
  };
}

export function mailsTo(tend: TestTend, address: string) {
  return tend.smtp.received.filter((mail) => mail.to.includes(address));
}

/** Waits (in real time) until `address` has received `count` emails; fails after `timeoutMs`. */
export async function waitForMails(tend: TestTend, address: string, count: number, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (mailsTo(tend, address).length < count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} email(s) to ${address}, received ${mailsTo(tend, address).length}`);
    await settle(50);
  }
  return mailsTo(tend, address);
}

/** Where an email's links lead, whether or not click tracking wraps them (its `u` parameter). */
export function linkTargets(html: string): string[] {
  return [...html.matchAll(/href="([^"]+)"/g)].map(([, href]) => {
    const url = new URL(href!.replace(/&amp;/g, '&'));
    return url.pathname.startsWith('/t/c/') ? (url.searchParams.get('u') ?? href!) : href!;
  });
}

export async function contactIdOf(db: Database, userId: string): Promise<string> {
  const [row] = await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.userId, userId));
  if (!row) throw new Error(`no contact with userId ${userId}`);
  return row.id;
}

/** The contact's trail through a journey: "node:outcome", in order. */
export async function trail(db: Database, journeyId: string, userId: string): Promise<string[]> {
  const contactId = await contactIdOf(db, userId);
  const rows = await db
    .select({ nodeId: nodeVisits.nodeId, outcome: nodeVisits.outcome })
    .from(nodeVisits)
    .where(and(eq(nodeVisits.journeyId, journeyId), eq(nodeVisits.contactId, contactId)))
    .orderBy(asc(nodeVisits.id));
  return rows.map((row) => `${row.nodeId}:${row.outcome}`);
}

export type TendWithSms = TestTend & { smsProvider: HttpPeer };

/** The whole of Tend in-process, with an SMS provider peer besides the SMTP one. */
export async function startTendWithSms(): Promise<TendWithSms> {
  return (await startTestTend({ sms: true })) as TendWithSms;
}
