import { describe } from 'vitest';
import { expect, linkTargets, settle, test } from '../support/index.js';

describe('examples/journeys/post-purchase.json (growth)', () => {
  test.beforeAll(async ({ tend }) => {
    await tend.publishExample('post-purchase');
  });

  test('a week after an order, recommends premium to a big spender and bestsellers to everyone else', async ({ tend }) => {
    await tend.identify('ada', { email: 'ada@example.com', firstName: 'Ada' });
    await tend.identify('bob', { email: 'bob@example.com' });
    await tend.track('ada', 'Order Completed', { orderId: 'o-ada', total: 149.9 });
    await tend.track('bob', 'Order Completed', { orderId: 'o-bob', total: 35 });
    await settle();

    await tend.sleep('6 days');
    await tend.sleep('23 hours');
    await settle();
    expect([...tend.mailTo('ada@example.com'), ...tend.mailTo('bob@example.com')]).toEqual([]);

    await tend.sleep('2 hours');
    const [premium] = await tend.waitForMail('ada@example.com', 1);
    const [standard] = await tend.waitForMail('bob@example.com', 1);
    expect(premium!.subject).toBe('Ada, hand-picked for you: our premium collection');
    expect(premium!.html).toContain('<p>Hi Ada,</p>');
    expect(linkTargets(premium!.html)).toEqual(['https://shop.example/collections/premium']);
    expect(standard!.subject).toBe('Hello, you might also like these');
    expect(standard!.text).toContain('Hi there,');
    expect(linkTargets(standard!.html)).toEqual(['https://shop.example/collections/bestsellers']);

    await settle();
    expect(await tend.path('ada', 'post-purchase')).toEqual([
      'order-completed:entered',
      'seven-days:waited',
      'order-value:branch:Spent 100 or more',
      'premium-email:sent',
      'done-premium:exited',
    ]);
    expect(await tend.path('bob', 'post-purchase')).toEqual([
      'order-completed:entered',
      'seven-days:waited',
      'order-value:branch:else',
      'standard-email:sent',
      'done-standard:exited',
    ]);
  });
});
