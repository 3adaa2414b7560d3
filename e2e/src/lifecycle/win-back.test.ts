import { describe } from 'vitest';
import { expect, settle, test, type Tend } from '../support/index.js';

const offerSubject = (name: string) => `We miss you, ${name}: here is 15% off`;
const lastChanceSubject = (name: string) => `Last chance, ${name}: your 15% off ends soon`;

const splitOutcome = async (tend: Tend, userId: string) =>
  (await tend.path(userId, 'win-back')).find((step) => step.startsWith('holdout-split:')) ?? null;

async function order(tend: Tend, userId: string, orderId: string) {
  await tend.track(userId, 'Order Completed', { orderId, total: 50 });
}

describe('examples/journeys/win-back.json (win-back)', () => {
  test.beforeAll(async ({ tend }) => {
    await tend.publishExample('win-back');
  });

  test('the order that enters a contact is not their conversion: they wait for day 90', async ({ tend }) => {
    await tend.identify('eve', { email: 'eve@example.com', firstName: 'Eve' });
    await order(tend, 'eve', 'o-eve');
    await settle(1000);
    const steps = await tend.path('eve', 'win-back');
    expect(steps, String(steps)).not.toContain('won-back:converted');
    expect((await tend.enrolment('eve', 'win-back'))?.status).toBe('active');
  });

  test('puts the entry on record at once, while the contact waits for day 90', async ({ tend }) => {
    await tend.identify('fay', { email: 'fay@example.com', firstName: 'Fay' });
    await order(tend, 'fay', 'o-fay');
    await settle(1000);
    expect(await tend.path('fay', 'win-back')).toEqual(['order-completed:entered']);
  });

  test('90 days after an order, offers 15% off to the treatment group and nothing to a ~10% holdout; last chance at day 120', async ({ tend }) => {
    const people = Array.from({ length: 30 }, (_, i) => ({ userId: `bulk-${i}`, email: `bulk-${i}@example.com`, firstName: `Pat${i}` }));
    for (const person of people) {
      await tend.identify(person.userId, { email: person.email, firstName: person.firstName });
      await order(tend, person.userId, `o-${person.userId}`);
    }
    await settle(1000);

    await tend.sleep('89 days');
    await settle();
    expect(people.flatMap((person) => tend.mailTo(person.email))).toEqual([]);

    await tend.sleep('2 days');
    await settle(2000);
    const outcomes = await Promise.all(people.map((person) => splitOutcome(tend, person.userId)));
    expect(outcomes.every((outcome) => outcome === 'holdout-split:split:treatment' || outcome === 'holdout-split:split:holdout'), String(outcomes)).toBe(true);
    const heldOut = people.filter((_, i) => outcomes[i] === 'holdout-split:split:holdout');
    const treated = people.filter((_, i) => outcomes[i] === 'holdout-split:split:treatment');
    expect(heldOut.length).toBeGreaterThanOrEqual(0);
    expect(heldOut.length).toBeLessThanOrEqual(10);
    for (const person of treated) {
      const [offer] = await tend.waitForMail(person.email, 1);
      expect(offer!.subject).toBe(offerSubject(person.firstName));
      expect(offer!.html).toContain(`<p>Hi ${person.firstName},</p>`);
      expect(offer!.html).toContain('COMEBACK15');
    }
    for (const person of heldOut) {
      expect(tend.mailTo(person.email)).toEqual([]);
      expect(await tend.path(person.userId, 'win-back')).toEqual([
        'order-completed:entered',
        'ninety-days:waited',
        'holdout-split:split:holdout',
        'held-out:exited',
      ]);
    }

    await tend.sleep('28 days');
    await settle();
    expect(treated.flatMap((person) => tend.mailTo(person.email))).toHaveLength(treated.length);
    await tend.sleep('2 days');
    for (const person of treated) {
      const [, lastChance] = await tend.waitForMail(person.email, 2);
      expect(lastChance!.subject).toBe(lastChanceSubject(person.firstName));
    }
    await settle();
    expect(heldOut.flatMap((person) => tend.mailTo(person.email))).toEqual([]);
    const [someone] = treated;
    expect(await tend.path(someone!.userId, 'win-back')).toEqual([
      'order-completed:entered',
      'ninety-days:waited',
      'holdout-split:split:treatment',
      'offer-email:sent',
      'thirty-days:waited',
      'last-chance-email:sent',
      'done:exited',
    ]);
  });

  test('an order at day 60 restarts the clock: no offer at day 90, the offer at day 150', async ({ tend }) => {
    // Three contacts, so at least one is (almost surely) in the treatment group.
    const people = ['ren', 'sam', 'tia'].map((userId) => ({ userId, email: `${userId}@example.com`, firstName: userId[0]!.toUpperCase() + userId.slice(1) }));
    for (const person of people) {
      await tend.identify(person.userId, { email: person.email, firstName: person.firstName });
      await order(tend, person.userId, `o1-${person.userId}`);
    }
    await settle();
    await tend.sleep('60 days');
    for (const person of people) await order(tend, person.userId, `o2-${person.userId}`);
    await settle();

    await tend.sleep('31 days'); // day 91: 90 days after the first order
    await settle(1000);
    for (const person of people) {
      expect(tend.mailTo(person.email)).toEqual([]);
      expect(await splitOutcome(tend, person.userId)).toBeNull();
    }

    await tend.sleep('60 days'); // day 151: 91 days after the second order
    await settle(2000);
    const outcomes = await Promise.all(people.map((person) => splitOutcome(tend, person.userId)));
    expect(outcomes.every((outcome) => outcome !== null), String(outcomes)).toBe(true);
    const treated = people.filter((_, i) => outcomes[i] === 'holdout-split:split:treatment');
    expect(treated.length).toBeGreaterThan(0);
    for (const person of treated) {
      const mails = await tend.waitForMail(person.email, 1);
      expect(mails.map((mail) => mail.subject)).toEqual([offerSubject(person.firstName)]);
    }
  });

  test('an order after the offer is recorded as a conversion on the goal', async ({ tend }) => {
    const people = ['uma', 'vic', 'wes'].map((userId) => ({ userId, email: `${userId}@example.com`, firstName: userId[0]!.toUpperCase() + userId.slice(1) }));
    for (const person of people) {
      await tend.identify(person.userId, { email: person.email, firstName: person.firstName });
      await order(tend, person.userId, `o1-${person.userId}`);
    }
    await settle();
    await tend.sleep('91 days');
    await settle(1000);
    const outcomes = await Promise.all(people.map((person) => splitOutcome(tend, person.userId)));
    expect(outcomes.filter((outcome) => outcome === 'holdout-split:split:treatment').length, String(outcomes)).toBeGreaterThan(0);

    // Treatment and holdout alike: the holdout is measured against the same goal.
    await tend.sleep('9 days'); // day 100
    for (const person of people) await order(tend, person.userId, `o2-${person.userId}`);
    await settle(1000);

    for (const [i, person] of people.entries()) {
      const steps = await tend.path(person.userId, 'win-back');
      expect(steps.slice(0, 3)).toEqual(['order-completed:entered', 'ninety-days:waited', outcomes[i]]);
      expect(steps).toContain('won-back:converted');
    }
  });

  test('an order after the last chance, while the goal window is still open, converts and starts a new 90-day clock', async ({ tend }) => {
    const people = ['xan', 'yul', 'zoe'].map((userId) => ({ userId, email: `${userId}@example.com`, firstName: userId[0]!.toUpperCase() + userId.slice(1) }));
    for (const person of people) {
      await tend.identify(person.userId, { email: person.email, firstName: person.firstName });
      await order(tend, person.userId, `o1-${person.userId}`);
    }
    await settle();
    await tend.sleep('130 days'); // every path has ended; the run waits for the goal until day 150
    await settle(1000);
    for (const person of people) await order(tend, person.userId, `o2-${person.userId}`);
    await settle(1000);
    await tend.sleep('91 days'); // day 221: 91 days after the second order
    await settle(2000);

    for (const person of people) {
      const steps = await tend.path(person.userId, 'win-back');
      expect(steps.filter((step) => step === 'won-back:converted'), String(steps)).toHaveLength(1);
      expect(steps.filter((step) => step === 'ninety-days:waited'), String(steps)).toHaveLength(2);
    }
  });
});
