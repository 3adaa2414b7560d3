import { eq, messages } from '@tend/db';
import type { JourneyGraphInput } from '@tend/journey';
import { describe } from 'vitest';
import { expect, test, trackingBaseUrl, type Tend } from './support/index.js';

const offer: JourneyGraphInput = {
  id: 'offer',
  name: 'Offer with follow-up',
  nodes: [
    { id: 'in', type: 'trigger.event', data: { event: 'Browsed Sale' } },
    { id: 'offer', type: 'send-email', data: { subject: 'Our sale', html: '<p>Hi {{ contact.firstName }}, <a href="https://shop.example/sale?x=1&amp;y=2">see the sale</a></p>' } },
    { id: 'day', type: 'wait', data: { amount: 1, unit: 'days' } },
    {
      id: 'engaged',
      type: 'branch',
      data: { cases: [{ id: 'clicked', label: 'Clicked the offer', condition: { kind: 'engagement', nodeId: 'offer', action: 'clicked' } }] },
    },
    { id: 'thanks', type: 'send-email', data: { subject: 'Glad you liked it', html: '<p>Thanks</p>' } },
    { id: 'nudge', type: 'send-email', data: { subject: 'Did you miss our sale?', html: '<p>Last days</p>' } },
    { id: 'out1', type: 'exit' },
    { id: 'out2', type: 'exit' },
  ],
  edges: [
    { id: 'a', source: 'in', target: 'offer' },
    { id: 'b', source: 'offer', target: 'day' },
    { id: 'c', source: 'day', target: 'engaged' },
    { id: 'd', source: 'engaged', sourceHandle: 'clicked', target: 'thanks' },
    { id: 'e', source: 'engaged', sourceHandle: 'else', target: 'nudge' },
    { id: 'f', source: 'thanks', target: 'out1' },
    { id: 'g', source: 'nudge', target: 'out2' },
  ],
};

/** Follows a tracked URL from a received email through the server, as a mail client would. */
const follow = (tend: Tend, href: string) => tend.app.inject({ method: 'GET', url: href.replace(trackingBaseUrl, '').replace(/&amp;/g, '&') });

describe('email engagement: open and click tracking feed branch conditions', () => {
  test.beforeAll(async ({ tend }) => {
    await tend.publish(offer);
  });

  test('sends the clicker down the "clicked" case and the others down "else"', async ({ tend }) => {
    for (const [userId, firstName] of [['clicker', 'Cleo'], ['ignorer', 'Ivan']] as const) {
      await tend.identify(userId, { email: `${userId}@example.com`, firstName });
      await tend.track(userId, 'Browsed Sale');
    }
    const offers = await tend.smtp.waitFor(2);
    const cleo = offers.find((mail) => mail.to[0] === 'clicker@example.com')!;
    const link = cleo.html.match(/href="([^"]+)"/)![1]!;
    expect(link).toMatch(new RegExp(`^${trackingBaseUrl}/t/c/`));
    const pixel = cleo.html.match(/<img src="([^"]+)"/)![1]!;

    const opened = await follow(tend, pixel);
    expect(opened.statusCode).toBe(200);
    expect(opened.headers['content-type']).toBe('image/gif');
    const clicked = await follow(tend, link);
    expect(clicked.statusCode).toBe(302);
    expect(clicked.headers.location).toBe('https://shop.example/sale?x=1&y=2');
    const [ledger] = await tend.database.db.select().from(messages).where(eq(messages.recipient, 'clicker@example.com'));
    expect(ledger!.openedAt).toBeInstanceOf(Date);
    expect(ledger!.clickedAt).toBeInstanceOf(Date);

    await tend.env.sleep('1 day');
    const all = await tend.smtp.waitFor(4);
    const followUps = all.slice(2).map((mail) => [mail.to[0], mail.subject]).sort();
    expect(followUps).toEqual([
      ['clicker@example.com', 'Glad you liked it'],
      ['ignorer@example.com', 'Did you miss our sale?'],
    ]);
  });

  test('refuses a tampered link: no redirect, nothing recorded', async ({ tend }) => {
    const [mail] = tend.smtp.received.filter((m) => m.to[0] === 'ignorer@example.com');
    const link = mail!.html.match(/href="([^"]+)"/)![1]!.replace(/&amp;/g, '&');
    const tampered = link.replace(encodeURIComponent('https://shop.example/sale'), encodeURIComponent('https://evil.example/'));
    const response = await follow(tend, tampered);
    expect(response.statusCode).toBe(404);
    const ignorer = (await tend.database.db.select().from(messages)).find((row) => row.recipient === 'ignorer@example.com' && row.subject === 'Our sale');
    expect(ignorer!.clickedAt).toBeNull();
  });
});
