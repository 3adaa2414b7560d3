import { describe } from 'vitest';
import { expect, linkTargets, settle, test, type Tend } from '../support/index.js';

const backInStock = (tend: Tend, productName: string, slug: string) =>
  tend.track('ada', 'Back In Stock', { productName, url: `https://shop.example/products/${slug}` });

describe('examples/journeys/back-in-stock.json (retention)', () => {
  test.beforeAll(async ({ tend }) => {
    await tend.publishExample('back-in-stock');
  });

  test('alerts at most once a day: a second alert the same day is dropped, one the next day is sent', async ({ tend }) => {
    await tend.identify('ada', { email: 'ada@example.com', firstName: 'Ada' });
    await backInStock(tend, 'Linen Shirt', 'linen-shirt');
    const [first] = await tend.waitForMail('ada@example.com', 1);
    expect(first!.subject).toBe('Linen Shirt is back in stock');
    expect(first!.html).toContain('<p>Hi Ada,</p>');
    expect(first!.html).toContain('<strong>Linen Shirt</strong>');
    expect(linkTargets(first!.html)).toEqual(['https://shop.example/products/linen-shirt']);

    await settle();
    await tend.sleep('3 hours');
    await backInStock(tend, 'Wool Scarf', 'wool-scarf');
    await settle(1000);
    expect(tend.mailTo('ada@example.com')).toHaveLength(1);

    await tend.sleep('1 day');
    await backInStock(tend, 'Canvas Tote', 'canvas-tote');
    const [, second] = await tend.waitForMail('ada@example.com', 2, 5_000);
    expect(second!.subject).toBe('Canvas Tote is back in stock');
    expect(linkTargets(second!.html)).toEqual(['https://shop.example/products/canvas-tote']);
  });
});
