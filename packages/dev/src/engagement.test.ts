import { eq, messages } from '@tend/db';
import { publishJourney } from '@tend/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTend, trackingBaseUrl, type TestTend } from './testing/index.js';

const offer = {
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

describe('email engagement: open and click tracking feed branch conditions', () => {
  let tend: TestTend;
  const post = (url: string, body: object) => tend.app.inject({ method: 'POST', url, headers: { authorization: tend.auth }, payload: body });
  /** Follows a tracked URL from a received email through the server, as a mail client would. */
  const follow = (href: string) => tend.app.inject({ method: 'GET', url: href.replace(trackingBaseUrl, '').replace(/&amp;/g, '&') });

  beforeAll(async () => {
    tend = await startTestTend();
    expect((await publishJourney(tend.database.db, tend.workspace.id, offer as never)).ok).toBe(true);
  });
  afterAll(() => tend?.stop());

  it('sends the clicker down the "clicked" case and the others down "else"', async () => {
    for (const [userId, firstName] of [['clicker', 'Cleo'], ['ignorer', 'Ivan']]) {
      await post('/v1/identify', { userId, traits: { email: `${userId}@example.com`, firstName } });
      await post('/v1/track', { userId, event: 'Browsed Sale' });
    }
    const offers = await tend.smtp.waitFor(2);
    const cleo = offers.find((mail) => mail.to[0] === 'clicker@example.com')!;
    const link = cleo.html.match(/href="([^"]+)"/)![1]!;
    expect(link).toMatch(new RegExp(`^${trackingBaseUrl}/t/c/`));
    const pixel = cleo.html.match(/<img src="([^"]+)"/)![1]!;

    const opened = await follow(pixel);
    expect(opened.statusCode).toBe(200);
    expect(opened.headers['content-type']).toBe('image/gif');
    const clicked = await follow(link);
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

  it('refuses a tampered link: no redirect, nothing recorded', async () => {
    const [mail] = tend.smtp.received.filter((m) => m.to[0] === 'ignorer@example.com');
    const link = mail!.html.match(/href="([^"]+)"/)![1]!.replace(/&amp;/g, '&');
    const tampered = link.replace(encodeURIComponent('https://shop.example/sale'), encodeURIComponent('https://evil.example/'));
    const response = await follow(tampered);
    expect(response.statusCode).toBe(404);
    const ignorer = (await tend.database.db.select().from(messages)).find((row) => row.recipient === 'ignorer@example.com' && row.subject === 'Our sale');
    expect(ignorer!.clickedAt).toBeNull();
  });
});
