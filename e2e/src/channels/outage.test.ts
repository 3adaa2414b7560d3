// Exactly once through provider outages, on the whole engine in real time: the SMTP server stops
// taking connections, then Twilio answers 503, while a journey sends to 20 contacts. Temporal
// retries each send (5 s, then 10 s…); the Outbox's backlog counts them meanwhile; once the
// provider is back every contact gets exactly one message, and the ledger shows each sent once
// after several attempts.
import { and, eq, messages } from '@tend/db';
import { eventually, expect, journey, settle, tendTest, type Tend } from '../support/index.js';

const test = tendTest({ sms: 'twilio' });

const contactsPerOutage = 20;

async function ledgerOf(tend: Tend, journeyId: string) {
  return tend.database.db
    .select()
    .from(messages)
    .where(and(eq(messages.workspaceId, tend.workspace.id), eq(messages.journeyId, journeyId)));
}

/** Resolves with the journey's ledger once `count` rows satisfy `ready`. */
function ledgerWhen(tend: Tend, journeyId: string, ready: (row: typeof messages.$inferSelect) => boolean, what: string) {
  return eventually(async () => {
    const rows = await ledgerOf(tend, journeyId);
    return rows.length === contactsPerOutage && rows.every(ready) && rows;
  }, what, 40_000);
}

async function backlogOf(tend: Tend, channel: 'email' | 'sms') {
  const backlog = await tend.api.outbox.backlog();
  return backlog.channels.find((row) => row.channel === channel) ?? { held: 0, retrying: 0, sending: 0 };
}

const people = (prefix: string) => Array.from({ length: contactsPerOutage }, (_, i) => ({ userId: `${prefix}-${i}`, i }));

test('the SMTP server down for a while: each of 20 contacts gets exactly one email once it is back', async ({ tend }) => {
  await tend.publish(
    journey('outage-email', {
      nodes: {
        start: ['trigger.event', { event: 'Newsletter Due' }],
        mail: ['send-email', { subject: 'This week at the shop', html: '<p>Hello {{ contact.firstName }}</p>' }],
        done: ['exit'],
      },
      edges: ['start -> mail', 'mail -> done'],
    }),
  );
  const readers = people('reader');
  const address = (userId: string) => `${userId}@example.com`;

  await tend.smtp.stop();
  await tend.batch(
    readers.flatMap(({ userId, i }) => [
      { type: 'identify', userId, traits: { email: address(userId), firstName: `Reader ${i}` } },
      { type: 'track', userId, event: 'Newsletter Due' },
    ]),
  );
  // Down until each send has failed and Temporal has started its retry (5 s later): the port refuses.
  await ledgerWhen(tend, 'outage-email', (row) => row.attempts >= 2 && row.lastError !== null, 'every email to fail and be retried');
  expect(await backlogOf(tend, 'email')).toMatchObject({ retrying: contactsPerOutage, held: 0 });
  expect(tend.smtp.received.filter((mail) => mail.subject === 'This week at the shop')).toEqual([]);

  await tend.smtp.start();
  const sent = await ledgerWhen(tend, 'outage-email', (row) => row.status === 'sent', 'every email to be sent after the outage');
  await settle(1500); // a duplicate would arrive now

  const mails = tend.smtp.received.filter((mail) => mail.subject === 'This week at the shop');
  expect(mails).toHaveLength(contactsPerOutage);
  expect(new Set(mails.map((mail) => mail.messageId)).size).toBe(contactsPerOutage);
  for (const { userId } of readers) expect(tend.mailTo(address(userId)), userId).toHaveLength(1);
  for (const row of sent) {
    expect(row).toMatchObject({ status: 'sent', lastError: null, recipient: expect.stringMatching(/@example\.com$/) });
    expect(row.attempts, row.recipient).toBeGreaterThanOrEqual(2);
    // The ledger's Message-ID is the one that arrived: the receiver could spot a repeat by it.
    expect(tend.mailTo(row.recipient)[0]!.messageId).toBe(row.providerMessageId);
  }
  expect(await backlogOf(tend, 'email')).toMatchObject({ retrying: 0, sending: 0 });
});

test('Twilio answering 503 for a while: each of 20 texts is accepted exactly once when it recovers', async ({ tend }) => {
  const twilio = tend.twilio!;
  await tend.publish(
    journey('outage-sms', {
      nodes: {
        start: ['trigger.event', { event: 'Order Shipped' }],
        text: ['send-sms', { body: 'Your order has shipped, {{ contact.firstName }}.', purpose: 'transactional' }],
        done: ['exit'],
      },
      edges: ['start -> text', 'text -> done'],
    }),
  );
  const buyers = people('buyer');
  const phone = (i: number) => `+1415555${String(2000 + i)}`;

  const endOutage = twilio.outage(503);
  const attemptsBefore = twilio.attempts;
  await tend.batch(
    buyers.flatMap(({ userId, i }) => [
      { type: 'identify', userId, traits: { phone: phone(i), firstName: `Buyer ${i}` } },
      { type: 'track', userId, event: 'Order Shipped' },
    ]),
  );
  await ledgerWhen(tend, 'outage-sms', (row) => row.lastError?.includes('HTTP 503') === true, 'every text to be refused with a 503');
  expect(await backlogOf(tend, 'sms')).toMatchObject({ retrying: contactsPerOutage, held: 0 });

  endOutage();
  const sent = await ledgerWhen(tend, 'outage-sms', (row) => row.status === 'sent', 'every text to be sent after the outage');
  await settle(1500);

  const texts = twilio.messages.filter((message) => message.body.startsWith('Your order has shipped'));
  expect(texts).toHaveLength(contactsPerOutage);
  expect(new Set(texts.map((message) => message.to))).toEqual(new Set(buyers.map(({ i }) => phone(i))));
  // Twilio drops a repeated idempotency token; Tend never even sent one it had been answered for.
  expect(twilio.repeats).toBe(0);
  expect(twilio.attempts - attemptsBefore).toBeGreaterThan(contactsPerOutage);
  for (const row of sent) {
    expect(row.attempts, row.recipient).toBeGreaterThanOrEqual(2);
    expect(texts.find((message) => message.to === row.recipient)).toMatchObject({ sid: row.providerMessageId, idempotencyToken: row.idempotencyKey });
  }
  expect(await backlogOf(tend, 'sms')).toMatchObject({ retrying: 0, sending: 0 });
});
