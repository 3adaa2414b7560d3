import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTend, type TestTend } from '../testing/index.js';
import { customer, mailsTo, publishExample, settle, trail, waitForMails } from './drive.js';

describe('examples/journeys/welcome.json (acquisition)', () => {
  let tend: TestTend;
  let shop: ReturnType<typeof customer>;
  beforeAll(async () => {
    tend = await startTestTend();
    shop = customer(tend);
    await publishExample(tend, 'welcome');
  });
  afterAll(() => tend?.stop());

  it('welcomes a new contact at once and sends tips two days later', async () => {
    await shop.identify('ada', { email: 'ada@example.com', firstName: 'Ada' });
    const [welcome] = await waitForMails(tend, 'ada@example.com', 1);
    expect(welcome!.subject).toBe('Welcome, Ada!');
    expect(welcome!.html).toContain('<p>Hi Ada,</p>');

    await settle();
    await tend.env.sleep('47 hours');
    await settle();
    expect(mailsTo(tend, 'ada@example.com')).toHaveLength(1);

    await tend.env.sleep('2 hours');
    const [, tips] = await waitForMails(tend, 'ada@example.com', 2);
    expect(tips!.subject).toBe('Three tips to get the most out of your account');
    expect(tips!.text).toContain('Hi Ada,');
    expect(tips!.html).toContain('Turn on back-in-stock alerts');
    expect(await trail(tend.database.db, 'welcome', 'ada')).toEqual([
      'signed-up:entered',
      'welcome-email:sent',
      'two-days:waited',
      'purchased:branch:else',
      'tips-email:sent',
      'done:exited',
    ]);
  });

  it('sends no tips to a contact who ordered within the two days', async () => {
    await shop.identify('grace', { email: 'grace@example.com' });
    const [welcome] = await waitForMails(tend, 'grace@example.com', 1);
    expect(welcome!.subject).toBe('Welcome, friend!');
    expect(welcome!.text).toContain('Hi there,');

    await settle();
    await tend.env.sleep('1 day');
    await shop.track('grace', 'Order Completed', { orderId: 'o-1', total: 42 });
    await settle();
    await tend.env.sleep('2 days');
    await settle(1000);

    expect(mailsTo(tend, 'grace@example.com').map((mail) => mail.subject)).toEqual(['Welcome, friend!']);
    expect(await trail(tend.database.db, 'welcome', 'grace')).toEqual([
      'signed-up:entered',
      'welcome-email:sent',
      'two-days:waited',
      'purchased:branch:Already ordered',
      'customer-already:exited',
    ]);
  });
});
