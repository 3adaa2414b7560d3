// Issue 10, "Scale past one machine": two apps/server and two apps/worker processes on one
// Postgres database and one Temporal server, under a load that enrols, routes and sends, with
// one server and one worker killed (SIGKILL) mid-run. What a customer and a marketer must not
// notice: an event lost, a contact entered twice, a message sent twice, a journey left hanging.
// Needs a Postgres server (DATABASE_URL, as CI sets it); skipped without one.
import type { ReceivedMail } from '@tend/channels/testing';
import { publishAndApply } from '@tend/publishing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { email, journey } from '../support/journeys.js';
import { eventually, settle } from '../support/wait.js';
import { Outcomes } from './outcomes.js';
import { startSplitTend, type SplitTend } from './split-tend.js';

const contactCount = 200;
/** Contacts per /v1/batch call. */
const contactsPerBatch = 25;

const thanks = journey('scale-thanks', {
  nodes: {
    signedUp: ['trigger.event', { event: 'Signed Up' }],
    ordered: ['wait-for-event', { event: 'Order Completed', timeout: { amount: 10, unit: 'minutes' } }],
    thanks: email('Thanks'),
    done: ['exit'],
    gaveUp: ['exit'],
  },
  edges: ['signedUp -> ordered', 'ordered:happened -> thanks', 'thanks -> done', 'ordered:timed-out -> gaveUp'],
});

const run = Date.now().toString(36);
const userId = (i: number) => `scale-${run}-${i}`;
const address = (i: number) => `${userId(i)}@example.com`;
const signUp = (i: number) => [
  { type: 'identify', userId: userId(i), messageId: `${userId(i)}-identify`, traits: { email: address(i) } },
  { type: 'track', userId: userId(i), messageId: `${userId(i)}-signed-up`, event: 'Signed Up', properties: {} },
];
const order = (i: number) => [{ type: 'track', userId: userId(i), messageId: `${userId(i)}-order`, event: 'Order Completed', properties: { orderId: `o-${i}` } }];

describe.skipIf(!process.env.DATABASE_URL)('two servers and two workers on one Postgres and one Temporal', () => {
  let tend: SplitTend;
  beforeAll(async () => {
    tend = await startSplitTend(process.env.DATABASE_URL!, { servers: 2, workers: 2 });
  });
  afterAll(() => tend?.stop());

  test('with a server and a worker killed mid-run, no event is lost, no contact enters twice and no mail goes twice', async () => {
    const { servers, workers, smtp } = tend;
    const [serverA, serverB] = [servers[0]!, servers[1]!];
    const outcomes = new Outcomes(tend.db, tend.workspaceId, thanks.id!);
    const published = await publishAndApply(tend.db, tend.temporal.client, tend.workspaceId, thanks);
    expect(published.ok, JSON.stringify(published)).toBe(true);
    const send = (serverUrl: string, contacts: number[], calls: (i: number) => unknown[]) => () => postBatch(serverUrl, tend.auth, contacts.flatMap(calls));

    // Half the sign-ups, every other batch to each server.
    const half = contactCount / 2;
    await inParallel(inBatches(range(0, half)).map((batch, b) => send(b % 2 === 0 ? serverA.url : serverB.url, batch, signUp)));
    // Some runs wait on the workers, others are still being routed or starting: kill a server
    // and a worker now. No email is in flight: sends begin only when orders arrive, after the
    // kill. (A send cut between the SMTP provider's accept and the ledger's record cannot be
    // exactly-once whatever Tend does; that is not what this test is about.)
    await eventually(async () => (await outcomes.waitingAt('ordered')) >= 10, 'the first runs to wait for an order', 60_000);
    const consumerA = await outcomes.consumerOf(serverA.pid);
    const killedAt = performance.now();
    await Promise.all([serverA.kill(), workers[0]!.kill()]);
    const secondsSinceKill = () => ((performance.now() - killedAt) / 1000).toFixed(1);
    const takenOver = eventually(async () => (await outcomes.leasesOf(consumerA)) === 0, "the killed server's partitions to move", 60_000).then(secondsSinceKill, () => 'not (within 60 s)');

    // The rest of the sign-ups, then every contact's order, all to the server left.
    await inParallel(inBatches(range(half, contactCount)).map((batch) => send(serverB.url, batch, signUp)));
    await inParallel(inBatches(range(0, contactCount)).map((batch) => send(serverB.url, batch, order)));

    await eventually(
      async () => smtp.received.length >= contactCount && (await outcomes.unrouted()) === 0 && (await outcomes.enrolmentStatuses()).active === undefined,
      `${contactCount} mails, every event routed and every run ended`,
      120_000,
    );
    console.log(`routing of the killed server's partitions taken over ${await takenOver} s after the kill; every mail sent and every run ended ${secondsSinceKill()} s after it`);
    await settle(1_500); // room for a second mail or a second entry, were there one

    const everyContact = <T>(value: T) => Object.fromEntries(range(0, contactCount).map((i) => [userId(i), value]));
    // Soft: a failing run reports every promise broken, not only the first.
    expect.soft(await outcomes.storedEvents(), 'events stored').toBe(contactCount * 3);
    expect.soft(await outcomes.unrouted(), 'events left unrouted').toBe(0);
    expect.soft(await outcomes.visitsPerUser('signedUp', 'entered'), 'entries per contact').toEqual(everyContact(1));
    expect.soft(await outcomes.enrolmentStatuses(), 'how the runs ended').toEqual({ completed: contactCount });
    expect.soft(await outcomes.ledgerPerUser(), 'ledger rows per contact').toEqual(everyContact(['sent']));
    expect.soft(subjectsByAddress(smtp.received), 'mails per address').toEqual(Object.fromEntries(range(0, contactCount).map((i) => [address(i), ['Thanks']])));
  }, 240_000);
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

function inBatches(contacts: number[]): number[][] {
  return Array.from({ length: Math.ceil(contacts.length / contactsPerBatch) }, (_, b) => contacts.slice(b * contactsPerBatch, (b + 1) * contactsPerBatch));
}

/** Runs the calls two at a time, as a client with a small connection pool would. */
async function inParallel(calls: (() => Promise<void>)[]): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < calls.length) await calls[next++]!();
  };
  await Promise.all([lane(), lane()]);
}

async function postBatch(serverUrl: string, auth: string, batch: unknown[]): Promise<void> {
  const response = await fetch(`${serverUrl}/v1/batch`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: JSON.stringify({ batch }),
  });
  if (response.status !== 200) throw new Error(`${serverUrl}/v1/batch answered ${response.status}: ${await response.text()}`);
}

function subjectsByAddress(received: ReceivedMail[]): Record<string, string[]> {
  const byAddress: Record<string, string[]> = {};
  for (const mail of received) for (const to of mail.to) (byAddress[to] ??= []).push(mail.subject);
  return byAddress;
}
