import { describe } from 'vitest';
import { expect, linkTargets, settle, tendTest, type Tend } from '../support/index.js';

// The second reminder goes by SMS: this Tend has an SMS provider peer.
const test = tendTest({ sms: true });

const textsTo = (tend: Tend, phone: string) => tend.smsProvider!.received.filter((request) => (request.json as { to?: string }).to === phone);

async function startCart(tend: Tend, userId: string, cartId: string) {
  await tend.identify(userId, { email: `${userId}@example.com`, firstName: userId[0]!.toUpperCase() + userId.slice(1), phone: '+14155550123' });
  await tend.track(userId, 'Cart Started', { cartId, cartUrl: `https://shop.example/cart/${cartId}` });
  await settle();
}

describe('examples/journeys/abandoned-cart.json (conversion)', () => {
  test.beforeAll(async ({ tend }) => {
    await tend.publishExample('abandoned-cart');
  });

  test('sends nothing when the same cart is ordered within 4 hours', async ({ tend }) => {
    await startCart(tend, 'ada', 'cart-ada');
    await tend.sleep('1 hour');
    await tend.track('ada', 'Order Completed', { cartId: 'cart-ada', total: 80 });
    await settle();
    await tend.sleep('2 days');
    await settle(1000);

    expect(tend.mailTo('ada@example.com')).toEqual([]);
    expect((await tend.enrolment('ada', 'abandoned-cart'))?.status).not.toBe('active');
    expect((await tend.path('ada', 'abandoned-cart')).filter((step) => step.startsWith('reminder-'))).toEqual([]);
  });

  test('still reminds about a cart when a different cart was ordered', async ({ tend }) => {
    await startCart(tend, 'bob', 'cart-bob-1');
    await tend.sleep('1 hour');
    await tend.track('bob', 'Order Completed', { cartId: 'cart-bob-other', total: 15 });
    await settle();
    await tend.sleep('3 hours');
    await settle(1000);

    // Exit criteria apply to any "Order Completed"; this cart's own order is what should end it.
    expect(await tend.path('bob', 'abandoned-cart')).toEqual(['cart-started:entered', 'wait-for-order:timed-out', 'reminder-email:sent']);
    const [reminder] = await tend.waitForMail('bob@example.com', 1);
    expect(linkTargets(reminder!.html)).toEqual(['https://shop.example/cart/cart-bob-1']);
  });

  test('reminds by email at 4 hours with a link to the cart, then by SMS a day later', async ({ tend }) => {
    await startCart(tend, 'cleo', 'cart-cleo');
    await tend.sleep('3 hours');
    await settle();
    expect(tend.mailTo('cleo@example.com')).toEqual([]);

    await tend.sleep('1 hour');
    const [reminder] = await tend.waitForMail('cleo@example.com', 1);
    expect(reminder!.subject).toBe('Cleo, you left something in your cart');
    expect(reminder!.html).toContain('<p>Hi Cleo,</p>');
    expect(linkTargets(reminder!.html)).toEqual(['https://shop.example/cart/cart-cleo']);
    expect(reminder!.text).toContain('(cart cart-cleo)');
    expect(textsTo(tend, '+14155550123').filter((sms) => (sms.json as { body: string }).body.includes('cart-cleo'))).toEqual([]);

    await settle();
    await tend.sleep('1 day');
    await settle(1000);
    const texts = textsTo(tend, '+14155550123').filter((sms) => (sms.json as { body: string }).body.includes('cart-cleo'));
    expect(texts.map((sms) => (sms.json as { body: string }).body)).toEqual([
      'Hi Cleo, your cart is still waiting: https://shop.example/cart/cart-cleo Reply STOP to opt out.',
    ]);
    expect(await tend.path('cleo', 'abandoned-cart')).toEqual([
      'cart-started:entered',
      'wait-for-order:timed-out',
      'reminder-email:sent',
      'one-day:waited',
      'reminder-sms:sent',
      'done:exited',
    ]);
  });

  test('an order after the reminder ends the journey (exit criteria): no SMS', async ({ tend }) => {
    await startCart(tend, 'dan', 'cart-dan');
    await tend.sleep('4 hours');
    await tend.waitForMail('dan@example.com', 1);
    await settle();
    await tend.sleep('6 hours');
    await tend.track('dan', 'Order Completed', { cartId: 'cart-dan', total: 60 });
    await settle();
    await tend.sleep('2 days');
    await settle(1000);

    expect(textsTo(tend, '+14155550123').filter((sms) => (sms.json as { body: string }).body.includes('cart-dan'))).toEqual([]);
    expect(tend.mailTo('dan@example.com')).toHaveLength(1);
    expect(await tend.path('dan', 'abandoned-cart')).toEqual([
      'cart-started:entered',
      'wait-for-order:timed-out',
      'reminder-email:sent',
      'one-day:exited',
    ]);
    expect((await tend.enrolment('dan', 'abandoned-cart'))?.status).toBe('exited');
  });
});
