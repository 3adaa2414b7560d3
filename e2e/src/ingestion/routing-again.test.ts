// Routing is at-least-once: a consumer that crashes after signalling, before marking its events
// routed, leaves them to be routed again. These tests route events a second time, as that
// consumer's successor would, and check that a customer notices nothing.
import { eq, events, sql } from '@tend/db';
import { email, journey } from '../support/journeys.js';
import { expect, test } from '../support/index.js';

/** Marks a contact's stored events unrouted, as a crash before marking them routed leaves them. */
async function unroute(tend: { database: { db: import('@tend/db').Database } }, messageIds: string[]): Promise<void> {
  for (const messageId of messageIds) await tend.database.db.update(events).set({ routedAt: null }).where(eq(events.messageId, messageId));
}

async function messageIdsOf(tend: { database: { db: import('@tend/db').Database } }, userId: string): Promise<string[]> {
  const rows = await tend.database.db.execute(
    sql`select e.message_id from events e join contacts c on c.id = e.contact_id where c.user_id = ${userId} order by e.seq`,
  );
  return (rows as unknown as { rows: { message_id: string }[] }).rows.map((row) => row.message_id);
}

test('an order routed again does not enter the contact a second time, though the first run has ended', async ({ tend }) => {
  await tend.publish(
    journey('thanks-again', {
      nodes: { ordered: ['trigger.event', { event: 'Order Completed' }], thanks: email('Thanks for your order'), done: ['exit'] },
      edges: ['ordered -> thanks', 'thanks -> done'],
    }),
  );
  await tend.identify('again-1', { email: 'again-1@example.com' });
  await tend.track('again-1', 'Order Completed', { orderId: 'o-1' });
  await tend.waitForMail('again-1@example.com', 1);
  await tend.ended('again-1', 'thanks-again');

  await unroute(tend, await messageIdsOf(tend, 'again-1'));
  await tend.routed();
  await new Promise((resolve) => setTimeout(resolve, 1_000)); // room for a second run to send, were there one

  expect(tend.mailTo('again-1@example.com')).toHaveLength(1);
  expect((await tend.path('again-1', 'thanks-again')).filter((step) => step === 'ordered:entered')).toHaveLength(1);
});

test('an event routed again reaches a waiting run once: the next wait does not take the copy for a new event', async ({ tend }) => {
  await tend.publish(
    journey('coupon-twice', {
      nodes: {
        started: ['trigger.event', { event: 'Cart Started' }],
        first: ['wait-for-event', { event: 'Coupon Used', timeout: { amount: 1, unit: 'days' } }],
        second: ['wait-for-event', { event: 'Coupon Used', timeout: { amount: 1, unit: 'days' } }],
        twice: email('Two coupons'),
        done: ['exit'],
        once: ['exit'],
        never: ['exit'],
      },
      edges: ['started -> first', 'first:happened -> second', 'first:timed-out -> never', 'second:happened -> twice', 'twice -> done', 'second:timed-out -> once'],
    }),
  );
  await tend.identify('again-2', { email: 'again-2@example.com' });
  await tend.track('again-2', 'Cart Started');
  await tend.track('again-2', 'Coupon Used', { code: 'TEN' });
  await expect.poll(async () => (await tend.position('again-2', 'coupon-twice')).nodeId, { timeout: 10_000 }).toBe('second');

  const [, , coupon] = await messageIdsOf(tend, 'again-2');
  await unroute(tend, [coupon!]);
  await tend.routed();
  await tend.sleep('2 days');

  await tend.ended('again-2', 'coupon-twice');
  expect(await tend.path('again-2', 'coupon-twice')).toContain('once:exited');
  expect(tend.mailTo('again-2@example.com')).toHaveLength(0);
});
