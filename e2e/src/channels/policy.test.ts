// The message policy on the whole engine, in skipped time: a frequency cap defers a marketing
// email until a send leaves the window (a transactional one is not held), and quiet hours defer
// a marketing SMS to the morning in the contact's time zone.
import { eq, messages } from '@tend/db';
import { expect, journey, settle, tendTest, type Tend } from '../support/index.js';

const test = tendTest({ sms: true });

const day = 86_400_000;

async function ledgerOf(tend: Tend, userId: string, journeyId: string) {
  const contactId = await tend.contactId(userId);
  const rows = await tend.database.db.select().from(messages).where(eq(messages.contactId, contactId));
  return rows.filter((row) => row.journeyId === journeyId);
}

test.beforeAll(async ({ tend }) => {
  await tend.api.policy.save({
    email: { cap: { count: 2, perDays: 7 } },
    sms: { requireOptIn: false },
    quietHours: { start: '21:00', end: '09:00', channels: ['sms'] },
  });
});

test('a third marketing email in a week waits until the first leaves the window; a receipt does not', async ({ tend }) => {
  const mail = (subject: string, purpose = 'marketing') => ['send-email', { subject, html: `<p>${subject}</p>`, purpose }] as [string, Record<string, unknown>];
  await tend.publish(
    journey('course', {
      nodes: {
        start: ['trigger.event', { event: 'Course Started' }],
        lesson1: mail('Lesson 1'),
        wait1: ['wait', { amount: 1, unit: 'days' }],
        lesson2: mail('Lesson 2'),
        wait2: ['wait', { amount: 1, unit: 'days' }],
        receipt: mail('Your receipt', 'transactional'),
        lesson3: mail('Lesson 3'),
        done: ['exit'],
      },
      edges: ['start -> lesson1', 'lesson1 -> wait1', 'wait1 -> lesson2', 'lesson2 -> wait2', 'wait2 -> receipt', 'receipt -> lesson3', 'lesson3 -> done'],
    }),
  );
  await tend.identify('ada', { email: 'ada@example.com' });
  await tend.track('ada', 'Course Started');
  await tend.waitForMail('ada@example.com', 1);
  await settle();
  await tend.sleep('1 day');
  await tend.waitForMail('ada@example.com', 2);
  await settle();
  await tend.sleep('1 day');
  await tend.waitForMail('ada@example.com', 3);
  await settle(1500);

  expect(tend.mailTo('ada@example.com').map((mail) => mail.subject)).toEqual(['Lesson 1', 'Lesson 2', 'Your receipt']);
  const rows = await ledgerOf(tend, 'ada', 'course');
  const first = rows.find((row) => row.nodeId === 'lesson1')!;
  expect(rows.find((row) => row.nodeId === 'lesson3')).toMatchObject({
    status: 'deferred',
    deferredUntil: new Date(first.sentAt!.getTime() + 7 * day),
    reason: 'the email frequency cap (2 in 7 days)',
  });

  await tend.sleep('5 days');
  const all = await tend.waitForMail('ada@example.com', 4);
  expect(all.map((mail) => mail.subject)).toEqual(['Lesson 1', 'Lesson 2', 'Your receipt', 'Lesson 3']);
  await tend.ended('ada', 'course');
  const lesson3 = (await tend.trail('ada', 'course')).find((step) => step.nodeId === 'lesson3');
  expect(lesson3).toMatchObject({ outcome: 'sent', detail: { reason: expect.stringContaining('by the email frequency cap (2 in 7 days)') } });
});

test('an SMS due at 23:00 in the contact’s zone waits for 09:00 there', async ({ tend }) => {
  await tend.publish(
    journey('evening', {
      nodes: {
        start: ['trigger.event', { event: 'Browsed' }],
        late: ['wait-until', { time: '23:00' }],
        text: ['send-sms', { body: 'Still thinking about it?' }],
        done: ['exit'],
      },
      edges: ['start -> late', 'late -> text', 'text -> done'],
    }),
  );
  await tend.identify('bo', { phone: '+447700900123', timezone: 'Europe/London' });
  await tend.track('bo', 'Browsed');
  await settle();
  await tend.sleep('1 day');
  await settle(1500);

  const [row] = await ledgerOf(tend, 'bo', 'evening');
  expect(row).toMatchObject({ status: 'deferred', reason: 'quiet hours (21:00–09:00 Europe/London)' });
  const until = row!.deferredUntil!;
  expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }).format(until)).toBe('09:00');
  expect(tend.smsProvider!.received.filter((request) => (request.json as { to: string }).to === '+447700900123')).toEqual([]);

  await tend.sleep('12 hours');
  await tend.ended('bo', 'evening');
  const [sent] = await ledgerOf(tend, 'bo', 'evening');
  expect(sent).toMatchObject({ status: 'sent', deferredUntil: until });
  expect(sent!.sentAt!.getTime()).toBeGreaterThanOrEqual(until.getTime());
});
