import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTend, type TestTend } from '../testing/index.js';
import { customer, linkTargets, mailsTo, publishExample, settle, trail, waitForMails } from './drive.js';

describe('examples/journeys/post-purchase.json (growth)', () => {
  let tend: TestTend;
  let shop: ReturnType<typeof customer>;
  beforeAll(async () => {
    tend = await startTestTend();
    shop = customer(tend);
    await publishExample(tend, 'post-purchase');
  });
  afterAll(() => tend?.stop());

  it('a week after an order, recommends premium to a big spender and bestsellers to everyone else', async () => {
    await shop.identify('ada', { email: 'ada@example.com', firstName: 'Ada' });
    await shop.identify('bob', { email: 'bob@example.com' });
    await shop.track('ada', 'Order Completed', { orderId: 'o-ada', total: 149.9 });
    await shop.track('bob', 'Order Completed', { orderId: 'o-bob', total: 35 });
    await settle();

    await tend.env.sleep('6 days');
    await tend.env.sleep('23 hours');
    await settle();
    expect([...mailsTo(tend, 'ada@example.com'), ...mailsTo(tend, 'bob@example.com')]).toEqual([]);

    await tend.env.sleep('2 hours');
    const [premium] = await waitForMails(tend, 'ada@example.com', 1);
    const [standard] = await waitForMails(tend, 'bob@example.com', 1);
    expect(premium!.subject).toBe('Ada, hand-picked for you: our premium collection');
    expect(premium!.html).toContain('<p>Hi Ada,</p>');
    expect(linkTargets(premium!.html)).toEqual(['https://shop.example/collections/premium']);
    expect(standard!.subject).toBe('Hello, you might also like these');
    expect(standard!.text).toContain('Hi there,');
    expect(linkTargets(standard!.html)).toEqual(['https://shop.example/collections/bestsellers']);

    await settle();
    expect(await trail(tend.database.db, 'post-purchase', 'ada')).toEqual([
      'order-completed:entered',
      'seven-days:waited',
      'order-value:branch:Spent 100 or more',
      'premium-email:sent',
      'done-premium:exited',
    ]);
    expect(await trail(tend.database.db, 'post-purchase', 'bob')).toEqual([
      'order-completed:entered',
      'seven-days:waited',
      'order-value:branch:else',
      'standard-email:sent',
      'done-standard:exited',
    ]);
  });
});
