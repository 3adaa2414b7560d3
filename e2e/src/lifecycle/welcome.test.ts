import { describe } from 'vitest';
import { expect, settle, test } from '../support/index.js';

describe('examples/journeys/welcome.json (acquisition)', () => {
  test.beforeAll(async ({ tend }) => {
    await tend.publishExample('welcome');
  });

  test('welcomes a new contact at once and sends tips two days later', async ({ tend }) => {
    await tend.identify('ada', { email: 'ada@example.com', firstName: 'Ada' });
    const [welcome] = await tend.waitForMail('ada@example.com', 1);
    expect(welcome!.subject).toBe('Welcome, Ada!');
    expect(welcome!.html).toContain('<p>Hi Ada,</p>');

    await settle();
    await tend.sleep('47 hours');
    await settle();
    expect(tend.mailTo('ada@example.com')).toHaveLength(1);

    await tend.sleep('2 hours');
    const [, tips] = await tend.waitForMail('ada@example.com', 2);
    expect(tips!.subject).toBe('Three tips to get the most out of your account');
    expect(tips!.text).toContain('Hi Ada,');
    expect(tips!.html).toContain('Turn on back-in-stock alerts');
    expect(await tend.path('ada', 'welcome')).toEqual([
      'signed-up:entered',
      'welcome-email:sent',
      'two-days:waited',
      'purchased:branch:else',
      'tips-email:sent',
      'done:exited',
    ]);
  });

  test('sends no tips to a contact who ordered within the two days', async ({ tend }) => {
    await tend.identify('grace', { email: 'grace@example.com' });
    const [welcome] = await tend.waitForMail('grace@example.com', 1);
    expect(welcome!.subject).toBe('Welcome, friend!');
    expect(welcome!.text).toContain('Hi there,');

    await settle();
    await tend.sleep('1 day');
    await tend.track('grace', 'Order Completed', { orderId: 'o-1', total: 42 });
    await settle();
    await tend.sleep('2 days');
    await settle(1000);

    expect(tend.mailTo('grace@example.com').map((mail) => mail.subject)).toEqual(['Welcome, friend!']);
    expect(await tend.path('grace', 'welcome')).toEqual([
      'signed-up:entered',
      'welcome-email:sent',
      'two-days:waited',
      'purchased:branch:Already ordered',
      'customer-already:exited',
    ]);
  });
});
