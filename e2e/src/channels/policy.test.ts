// The message policy on the whole engine, in skipped time: a frequency cap defers a marketing
// email until a send leaves the window (a transactional one is not held), quiet hours defer
// a marketing SMS to the morning in the contact's time zone, and of two journeys waiting for
// one slot the higher priority's email goes first.
import { eq, messages } from '@tend/db';
import { nextTimeOfDay } from '@tend/journey';
import { email, eventually, expect, journey, settle, tendTest, type Tend } from '../support/index.js';

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
  // The canvas's counts show the held message on its step while it waits.
  expect((await tend.api.journeys.stats({ id: 'course' })).nodes.lesson3).toMatchObject({ deferred: 1, waiting: 1 });

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
  // Skip to just past 23:00 London, whatever the hour the test starts at.
  const now = await tend.now();
  await tend.sleep(nextTimeOfDay(now, { time: '23:00', timeZone: 'Europe/London' }) - now + 60_000);
  await eventually(async () => (await ledgerOf(tend, 'bo', 'evening')).length > 0, 'the SMS to reach the policy');
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

test('two journeys waiting for one slot of the cap: the higher priority goes first, the other the next day', async ({ tend }) => {
  const filePolicy = await tend.api.policy.get();
  await tend.api.policy.save({ ...filePolicy, email: { ...filePolicy.email, cap: { count: 1, perDays: 1 } } });
  try {
    const offer = (id: string, event: string, settings?: Record<string, unknown>) =>
      journey(id, { settings, nodes: { start: ['trigger.event', { event }], mail: email(id), done: ['exit'] }, edges: ['start -> mail', 'mail -> done'] });
    await tend.publish(offer('hello-note', 'Signed Up'));
    await tend.publish(offer('flash-sale', 'Flash Sale', { priority: 3 }));
    await tend.publish(offer('vip-sale', 'VIP Sale', { priority: 8 }));
    const rowOf = async (journeyId: string) => (await ledgerOf(tend, 'cy', journeyId))[0];
    const heldRow = (journeyId: string) => eventually(async () => (await rowOf(journeyId))?.status === 'deferred' && rowOf(journeyId), `${journeyId} to be held`);

    await tend.identify('cy', { email: 'cy@example.com' });
    await tend.track('cy', 'Signed Up');
    await tend.waitForMail('cy@example.com', 1);
    const hello = await rowOf('hello-note');
    // The cap is full for a day. The low-priority journey reaches the contact first; both wait for the same slot.
    await tend.track('cy', 'Flash Sale');
    const slot = new Date(hello!.sentAt!.getTime() + day);
    expect(await heldRow('flash-sale')).toMatchObject({ deferredUntil: slot, reason: 'the email frequency cap (1 in 1 day)', priority: 3 });
    await tend.track('cy', 'VIP Sale');
    expect(await heldRow('vip-sale')).toMatchObject({ deferredUntil: slot, priority: 8 });

    await tend.sleep('1 day');
    await tend.waitForMail('cy@example.com', 2);
    expect(tend.mailTo('cy@example.com').map((mail) => mail.subject)).toEqual(['hello-note', 'vip-sale']);
    // Whichever retry ran first, the low one ends up held to the next window. (Had it asked first,
    // it waited a minute for the high one: skip past that.)
    await settle();
    await tend.sleep('2 minutes');
    const vip = await rowOf('vip-sale');
    const nextSlot = new Date(vip!.sentAt!.getTime() + day);
    const waiting = await eventually(async () => {
      const row = await rowOf('flash-sale');
      return row?.status === 'deferred' && row.deferredUntil?.getTime() === nextSlot.getTime() && row;
    }, 'flash-sale to be held to the next window');
    expect(waiting.reason).toBe('the email frequency cap (1 in 1 day), filled first by a higher-priority message from journey "vip-sale" (8 over 3)');

    await tend.sleep('1 day');
    await tend.waitForMail('cy@example.com', 3);
    expect(tend.mailTo('cy@example.com').map((mail) => mail.subject)).toEqual(['hello-note', 'vip-sale', 'flash-sale']);
    await tend.ended('cy', 'flash-sale');
    const sent = (await tend.trail('cy', 'flash-sale')).find((step) => step.nodeId === 'mail');
    expect(sent).toMatchObject({ outcome: 'sent', detail: { reason: expect.stringContaining('filled first by a higher-priority message from journey "vip-sale"') } });
  } finally {
    await tend.api.policy.save(filePolicy);
  }
});
