// One profile per person, and segments that enter journeys by themselves, on the whole of Tend.
import { and, contacts, eq, identityMerges, segmentMemberships } from '@tend/db';
import { journeyWorkflowId } from '@tend/journey/ir';
import { email, journey } from '../support/journeys.js';
import { expect, test } from '../support/index.js';

test('an anonymous visitor who signs in becomes one contact: one run per journey goes on, the other ends', async ({ tend }) => {
  await tend.publish(
    journey('merge-welcome', {
      nodes: {
        signedUp: ['trigger.event', { event: 'Viewed Pricing' }],
        wait: ['wait-for-event', { event: 'Order Completed', timeout: { amount: 7, unit: 'days' } }],
        thanks: email('Thanks for ordering'),
        done: ['exit'],
        gaveUp: ['exit'],
      },
      edges: ['signedUp -> wait', 'wait:happened -> thanks', 'thanks -> done', 'wait:timed-out -> gaveUp'],
    }),
  );
  // The same person, before and after signing in: two profiles, each in the journey.
  await tend.batch([{ type: 'track', anonymousId: 'anon-merge-1', event: 'Viewed Pricing' }]);
  await tend.identify('merge-1', { email: 'merge-1@example.com' });
  await tend.track('merge-1', 'Viewed Pricing');
  const [anonymous] = await tend.database.db.select({ id: contacts.id }).from(contacts).where(eq(contacts.anonymousId, 'anon-merge-1'));
  const anonymousRun = tend.env.client.workflow.getHandle(journeyWorkflowId(tend.workspace.id, 'merge-welcome', anonymous!.id));
  expect((await anonymousRun.describe()).status.name).toBe('RUNNING');

  // Signing in shows both ids in one call: the anonymous profile is merged into the known one.
  await tend.batch([{ type: 'identify', userId: 'merge-1', anonymousId: 'anon-merge-1', traits: { plan: 'pro' } }]);
  const contactId = await tend.contactId('merge-1');
  const [merge] = await tend.database.db.select().from(identityMerges).where(eq(identityMerges.intoContactId, contactId));
  expect(merge).toMatchObject({ via: 'identify', fromContactId: anonymous!.id });
  await expect.poll(async () => (await anonymousRun.describe()).status.name, { timeout: 10_000 }).toBe('COMPLETED');

  // One run goes on and hears the order; the merged-away one was ended, not left waiting.
  await tend.track('merge-1', 'Order Completed');
  await tend.waitForMail('merge-1@example.com', 1);
  await tend.ended('merge-1', 'merge-welcome');
  expect(tend.mailTo('merge-1@example.com')).toHaveLength(1);
  const { contact, audience } = await tend.api.contacts.get({ id: 'merge-1' });
  expect(contact.anonymousId).toBe('anon-merge-1');
  expect(contact.traits).toMatchObject({ plan: 'pro', email: 'merge-1@example.com' });
  expect(audience.merges).toHaveLength(1);
});

test('a segment computed by Tend enters its members into a journey that starts on it, with no event sent for it', async ({ tend }) => {
  await tend.api.segments.create({
    id: 'repeat-buyers',
    name: 'Repeat buyers',
    definition: { kind: 'event-count', event: 'Order Completed', atLeast: 2, withinDays: 30 },
  });
  await tend.publish(
    journey('repeat-thanks', {
      nodes: { entered: ['trigger.segment', { segment: 'repeat-buyers' }], thanks: email('You are a regular'), done: ['exit'] },
      edges: ['entered -> thanks', 'thanks -> done'],
    }),
  );
  await tend.identify('regular-1', { email: 'regular-1@example.com' });
  await tend.track('regular-1', 'Order Completed', { revenue: 20 });
  expect(tend.mailTo('regular-1@example.com')).toHaveLength(0);
  await tend.track('regular-1', 'Order Completed', { revenue: 30 });

  const [mail] = await tend.waitForMail('regular-1@example.com', 1);
  expect(mail?.subject).toBe('You are a regular');
  const contactId = await tend.contactId('regular-1');
  const members = await tend.database.db
    .select()
    .from(segmentMemberships)
    .where(and(eq(segmentMemberships.segment, 'repeat-buyers'), eq(segmentMemberships.contactId, contactId)));
  expect(members).toHaveLength(1);
  const timeline = await tend.api.contacts.timeline({ id: contactId });
  expect(timeline.events.map((event) => event.name)).toContain('Segment Entered');
});

test('the audience refresh computes RFM, predicted value and segments on a worker, on demand', async ({ tend }) => {
  for (const [userId, orders] of [['rfm-1', 3], ['rfm-2', 1]] as const) {
    await tend.identify(userId, { email: `${userId}@example.com` });
    for (let i = 0; i < orders; i++) await tend.track(userId, 'Order Completed', { revenue: 10 * (i + 1) });
  }
  const { done } = await tend.api.rfm.recompute();
  expect(done?.rfmScored).toBeGreaterThanOrEqual(2);
  const { summary } = await tend.api.rfm.summary();
  expect(summary.contacts).toBe(done?.rfmScored);
  const listed = await tend.api.contacts.list({ rfmGroup: (await tend.api.contacts.get({ id: 'rfm-1' })).audience.rfm!.group });
  expect(listed.rows.map((row) => row.userId)).toContain('rfm-1');
});
