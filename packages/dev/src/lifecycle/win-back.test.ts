import { and, enrolments, eq } from '@tend/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTend, type TestTend } from '../testing/index.js';
import { contactIdOf, customer, mailsTo, publishExample, settle, trail, waitForMails } from './drive.js';

const offerSubject = (name: string) => `We miss you, ${name}: here is 15% off`;
const lastChanceSubject = (name: string) => `Last chance, ${name}: your 15% off ends soon`;

describe('examples/journeys/win-back.json (win-back)', () => {
  let tend: TestTend;
  let shop: ReturnType<typeof customer>;
  beforeAll(async () => {
    tend = await startTestTend();
    shop = customer(tend);
    await publishExample(tend, 'win-back');
  });
  afterAll(() => tend?.stop());

  const splitOutcome = async (userId: string) =>
    (await trail(tend.database.db, 'win-back', userId)).find((step) => step.startsWith('holdout-split:')) ?? null;

  const enrolmentOf = async (userId: string) => {
    const contactId = await contactIdOf(tend.database.db, userId);
    const [row] = await tend.database.db.select().from(enrolments).where(and(eq(enrolments.journeyId, 'win-back'), eq(enrolments.contactId, contactId)));
    return row;
  };

  async function order(userId: string, orderId: string) {
    await shop.track(userId, 'Order Completed', { orderId, total: 50 });
  }

  it('the order that enters a contact is not their conversion: they wait for day 90', async () => {
    await shop.identify('eve', { email: 'eve@example.com', firstName: 'Eve' });
    await order('eve', 'o-eve');
    await settle(1000);
    const steps = await trail(tend.database.db, 'win-back', 'eve');
    expect(steps, String(steps)).not.toContain('won-back:converted');
    expect((await enrolmentOf('eve'))?.status).toBe('active');
  });

  it('puts the entry on record at once, while the contact waits for day 90', async () => {
    await shop.identify('fay', { email: 'fay@example.com', firstName: 'Fay' });
    await order('fay', 'o-fay');
    await settle(1000);
    expect(await trail(tend.database.db, 'win-back', 'fay')).toEqual(['order-completed:entered']);
  });

  it('90 days after an order, offers 15% off to the treatment group and nothing to a ~10% holdout; last chance at day 120', async () => {
    const people = Array.from({ length: 30 }, (_, i) => ({ userId: `bulk-${i}`, email: `bulk-${i}@example.com`, firstName: `Pat${i}` }));
    for (const person of people) {
      await shop.identify(person.userId, { email: person.email, firstName: person.firstName });
      await order(person.userId, `o-${person.userId}`);
    }
    await settle(1000);

    await tend.env.sleep('89 days');
    await settle();
    expect(people.flatMap((person) => mailsTo(tend, person.email))).toEqual([]);

    await tend.env.sleep('2 days');
    await settle(2000);
    const outcomes = await Promise.all(people.map((person) => splitOutcome(person.userId)));
    expect(outcomes.every((outcome) => outcome === 'holdout-split:split:treatment' || outcome === 'holdout-split:split:holdout'), String(outcomes)).toBe(true);
    const heldOut = people.filter((_, i) => outcomes[i] === 'holdout-split:split:holdout');
    const treated = people.filter((_, i) => outcomes[i] === 'holdout-split:split:treatment');
    expect(heldOut.length).toBeGreaterThanOrEqual(0);
    expect(heldOut.length).toBeLessThanOrEqual(10);
    for (const person of treated) {
      const [offer] = await waitForMails(tend, person.email, 1);
      expect(offer!.subject).toBe(offerSubject(person.firstName));
      expect(offer!.html).toContain(`<p>Hi ${person.firstName},</p>`);
      expect(offer!.html).toContain('COMEBACK15');
    }
    for (const person of heldOut) {
      expect(mailsTo(tend, person.email)).toEqual([]);
      expect(await trail(tend.database.db, 'win-back', person.userId)).toEqual([
        'order-completed:entered',
        'ninety-days:waited',
        'holdout-split:split:holdout',
        'held-out:exited',
      ]);
    }

    await tend.env.sleep('28 days');
    await settle();
    expect(treated.flatMap((person) => mailsTo(tend, person.email))).toHaveLength(treated.length);
    await tend.env.sleep('2 days');
    for (const person of treated) {
      const [, lastChance] = await waitForMails(tend, person.email, 2);
      expect(lastChance!.subject).toBe(lastChanceSubject(person.firstName));
    }
    await settle();
    expect(heldOut.flatMap((person) => mailsTo(tend, person.email))).toEqual([]);
    const [someone] = treated;
    expect(await trail(tend.database.db, 'win-back', someone!.userId)).toEqual([
      'order-completed:entered',
      'ninety-days:waited',
      'holdout-split:split:treatment',
      'offer-email:sent',
      'thirty-days:waited',
      'last-chance-email:sent',
      'done:exited',
    ]);
  });

  it('an order at day 60 restarts the clock: no offer at day 90, the offer at day 150', async () => {
    // Three contacts, so at least one is (almost surely) in the treatment group.
    const people = ['ren', 'sam', 'tia'].map((userId) => ({ userId, email: `${userId}@example.com`, firstName: userId[0]!.toUpperCase() + userId.slice(1) }));
    for (const person of people) {
      await shop.identify(person.userId, { email: person.email, firstName: person.firstName });
      await order(person.userId, `o1-${person.userId}`);
    }
    await settle();
    await tend.env.sleep('60 days');
    for (const person of people) await order(person.userId, `o2-${person.userId}`);
    await settle();

    await tend.env.sleep('31 days'); // day 91: 90 days after the first order
    await settle(1000);
    for (const person of people) {
      expect(mailsTo(tend, person.email)).toEqual([]);
      expect(await splitOutcome(person.userId)).toBeNull();
    }

    await tend.env.sleep('60 days'); // day 151: 91 days after the second order
    await settle(2000);
    const outcomes = await Promise.all(people.map((person) => splitOutcome(person.userId)));
    expect(outcomes.every((outcome) => outcome !== null), String(outcomes)).toBe(true);
    const treated = people.filter((_, i) => outcomes[i] === 'holdout-split:split:treatment');
    expect(treated.length).toBeGreaterThan(0);
    for (const person of treated) {
      const mails = await waitForMails(tend, person.email, 1);
      expect(mails.map((mail) => mail.subject)).toEqual([offerSubject(person.firstName)]);
    }
  });

  it('an order after the offer is recorded as a conversion on the goal', async () => {
    const people = ['uma', 'vic', 'wes'].map((userId) => ({ userId, email: `${userId}@example.com`, firstName: userId[0]!.toUpperCase() + userId.slice(1) }));
    for (const person of people) {
      await shop.identify(person.userId, { email: person.email, firstName: person.firstName });
      await order(person.userId, `o1-${person.userId}`);
    }
    await settle();
    await tend.env.sleep('91 days');
    await settle(1000);
    const outcomes = await Promise.all(people.map((person) => splitOutcome(person.userId)));
    expect(outcomes.filter((outcome) => outcome === 'holdout-split:split:treatment').length, String(outcomes)).toBeGreaterThan(0);

    // Treatment and holdout alike: the holdout is measured against the same goal.
    await tend.env.sleep('9 days'); // day 100
    for (const person of people) await order(person.userId, `o2-${person.userId}`);
    await settle(1000);

    for (const [i, person] of people.entries()) {
      const steps = await trail(tend.database.db, 'win-back', person.userId);
      expect(steps.slice(0, 3)).toEqual(['order-completed:entered', 'ninety-days:waited', outcomes[i]]);
      expect(steps).toContain('won-back:converted');
    }
  });

  it('an order after the last chance, while the goal window is still open, converts and starts a new 90-day clock', async () => {
    const people = ['xan', 'yul', 'zoe'].map((userId) => ({ userId, email: `${userId}@example.com`, firstName: userId[0]!.toUpperCase() + userId.slice(1) }));
    for (const person of people) {
      await shop.identify(person.userId, { email: person.email, firstName: person.firstName });
      await order(person.userId, `o1-${person.userId}`);
    }
    await settle();
    await tend.env.sleep('130 days'); // every path has ended; the run waits for the goal until day 150
    await settle(1000);
    for (const person of people) await order(person.userId, `o2-${person.userId}`);
    await settle(1000);
    await tend.env.sleep('91 days'); // day 221: 91 days after the second order
    await settle(2000);

    for (const person of people) {
      const steps = await trail(tend.database.db, 'win-back', person.userId);
      expect(steps.filter((step) => step === 'won-back:converted'), String(steps)).toHaveLength(1);
      expect(steps.filter((step) => step === 'ninety-days:waited'), String(steps)).toHaveLength(2);
    }
  });
});
