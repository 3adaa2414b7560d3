import { enrolments, eq } from '@tend/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactIdOf, customer, linkTargets, mailsTo, publishExample, settle, startTendWithSms, trail, waitForMails, type TendWithSms } from './drive.js';

describe('examples/journeys/abandoned-cart.json (conversion)', () => {
  let tend: TendWithSms;
  let shop: ReturnType<typeof customer>;
  beforeAll(async () => {
    tend = await startTendWithSms();
    shop = customer(tend);
    await publishExample(tend, 'abandoned-cart');
  });
  afterAll(() => tend?.stop());

  const textsTo = (phone: string) => tend.smsProvider.received.filter((request) => (request.json as { to?: string }).to === phone);
  const statusOf = async (userId: string) => {
    const contactId = await contactIdOf(tend.database.db, userId);
    const [row] = await tend.database.db.select({ status: enrolments.status }).from(enrolments).where(eq(enrolments.contactId, contactId));
    return row?.status;
  };
  async function startCart(userId: string, cartId: string) {
    await shop.identify(userId, { email: `${userId}@example.com`, firstName: userId[0]!.toUpperCase() + userId.slice(1), phone: '+14155550123' });
    await shop.track(userId, 'Cart Started', { cartId, cartUrl: `https://shop.example/cart/${cartId}` });
    await settle();
  }

  it('sends nothing when the same cart is ordered within 4 hours', async () => {
    await startCart('ada', 'cart-ada');
    await tend.env.sleep('1 hour');
    await shop.track('ada', 'Order Completed', { cartId: 'cart-ada', total: 80 });
    await settle();
    await tend.env.sleep('2 days');
    await settle(1000);

    expect(mailsTo(tend, 'ada@example.com')).toEqual([]);
    expect(await statusOf('ada')).not.toBe('active');
    expect((await trail(tend.database.db, 'abandoned-cart', 'ada')).filter((step) => step.startsWith('reminder-'))).toEqual([]);
  });

  it('still reminds about a cart when a different cart was ordered', async () => {
    await startCart('bob', 'cart-bob-1');
    await tend.env.sleep('1 hour');
    await shop.track('bob', 'Order Completed', { cartId: 'cart-bob-other', total: 15 });
    await settle();
    await tend.env.sleep('3 hours');
    await settle(1000);

    // Exit criteria apply to any "Order Completed"; this cart's own order is what should end it.
    expect(await trail(tend.database.db, 'abandoned-cart', 'bob')).toEqual(['cart-started:entered', 'wait-for-order:timed-out', 'reminder-email:sent']);
    const [reminder] = await waitForMails(tend, 'bob@example.com', 1);
    expect(linkTargets(reminder!.html)).toEqual(['https://shop.example/cart/cart-bob-1']);
  });

  it('reminds by email at 4 hours with a link to the cart, then by SMS a day later', async () => {
    await startCart('cleo', 'cart-cleo');
    await tend.env.sleep('3 hours');
    await settle();
    expect(mailsTo(tend, 'cleo@example.com')).toEqual([]);

    await tend.env.sleep('1 hour');
    const [reminder] = await waitForMails(tend, 'cleo@example.com', 1);
    expect(reminder!.subject).toBe('Cleo, you left something in your cart');
    expect(reminder!.html).toContain('<p>Hi Cleo,</p>');
    expect(linkTargets(reminder!.html)).toEqual(['https://shop.example/cart/cart-cleo']);
    expect(reminder!.text).toContain('(cart cart-cleo)');
    expect(textsTo('+14155550123').filter((sms) => (sms.json as { body: string }).body.includes('cart-cleo'))).toEqual([]);

    await settle();
    await tend.env.sleep('1 day');
    await settle(1000);
    const texts = textsTo('+14155550123').filter((sms) => (sms.json as { body: string }).body.includes('cart-cleo'));
    expect(texts.map((sms) => (sms.json as { body: string }).body)).toEqual([
      'Hi Cleo, your cart is still waiting: https://shop.example/cart/cart-cleo Reply STOP to opt out.',
    ]);
    expect(await trail(tend.database.db, 'abandoned-cart', 'cleo')).toEqual([
      'cart-started:entered',
      'wait-for-order:timed-out',
      'reminder-email:sent',
      'one-day:waited',
      'reminder-sms:sent',
      'done:exited',
    ]);
  });

  it('an order after the reminder ends the journey (exit criteria): no SMS', async () => {
    await startCart('dan', 'cart-dan');
    await tend.env.sleep('4 hours');
    await waitForMails(tend, 'dan@example.com', 1);
    await settle();
    await tend.env.sleep('6 hours');
    await shop.track('dan', 'Order Completed', { cartId: 'cart-dan', total: 60 });
    await settle();
    await tend.env.sleep('2 days');
    await settle(1000);

    expect(textsTo('+14155550123').filter((sms) => (sms.json as { body: string }).body.includes('cart-dan'))).toEqual([]);
    expect(mailsTo(tend, 'dan@example.com')).toHaveLength(1);
    expect(await trail(tend.database.db, 'abandoned-cart', 'dan')).toEqual([
      'cart-started:entered',
      'wait-for-order:timed-out',
      'reminder-email:sent',
      'one-day:exited',
    ]);
    expect(await statusOf('dan')).toBe('exited');
  });
});
