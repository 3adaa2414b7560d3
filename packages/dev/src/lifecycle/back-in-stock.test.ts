import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTend, type TestTend } from '../testing/index.js';
import { customer, linkTargets, mailsTo, publishExample, settle, waitForMails } from './drive.js';

describe('examples/journeys/back-in-stock.json (retention)', () => {
  let tend: TestTend;
  let shop: ReturnType<typeof customer>;
  beforeAll(async () => {
    tend = await startTestTend();
    shop = customer(tend);
    await publishExample(tend, 'back-in-stock');
  });
  afterAll(() => tend?.stop());

  const backInStock = (productName: string, slug: string) =>
    shop.track('ada', 'Back In Stock', { productName, url: `https://shop.example/products/${slug}` });

  it('alerts at most once a day: a second alert the same day is dropped, one the next day is sent', async () => {
    await shop.identify('ada', { email: 'ada@example.com', firstName: 'Ada' });
    await backInStock('Linen Shirt', 'linen-shirt');
    const [first] = await waitForMails(tend, 'ada@example.com', 1);
    expect(first!.subject).toBe('Linen Shirt is back in stock');
    expect(first!.html).toContain('<p>Hi Ada,</p>');
    expect(first!.html).toContain('<strong>Linen Shirt</strong>');
    expect(linkTargets(first!.html)).toEqual(['https://shop.example/products/linen-shirt']);

    await settle();
    await tend.env.sleep('3 hours');
    await backInStock('Wool Scarf', 'wool-scarf');
    await settle(1000);
    expect(mailsTo(tend, 'ada@example.com')).toHaveLength(1);

    await tend.env.sleep('1 day');
    await backInStock('Canvas Tote', 'canvas-tote');
    const [, second] = await waitForMails(tend, 'ada@example.com', 2, 5_000);
    expect(second!.subject).toBe('Canvas Tote is back in stock');
    expect(linkTargets(second!.html)).toEqual(['https://shop.example/products/canvas-tote']);
  });
});
