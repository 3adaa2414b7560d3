import { consentHistory, consentsOf } from '@tend/channels';
import { subscriptionTopics } from '@tend/db';
import type { JourneyGraphInput } from '@tend/journey';
import { describe } from 'vitest';
import { expect, settle, test, trackingBaseUrl, type Tend } from '../support/index.js';

/** A newsletter, a day later another, then a receipt: two marketing emails and a transactional one. */
const newsletter: JourneyGraphInput = {
  id: 'newsletter',
  name: 'Newsletter then receipt',
  nodes: [
    { id: 'in', type: 'trigger.event', data: { event: 'Joined' } },
    { id: 'first', type: 'send-email', data: { subject: 'Newsletter 1', html: '<p>News</p><p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>' } },
    { id: 'day', type: 'wait', data: { amount: 1, unit: 'days' } },
    { id: 'second', type: 'send-email', data: { subject: 'Newsletter 2', html: '<p>More news</p>' } },
    { id: 'receipt', type: 'send-email', data: { subject: 'Your receipt', html: '<p>Order 1</p>', purpose: 'transactional' } },
    { id: 'out', type: 'exit' },
  ],
  edges: [
    { id: 'a', source: 'in', target: 'first' },
    { id: 'b', source: 'first', target: 'day' },
    { id: 'c', source: 'day', target: 'second' },
    { id: 'd', source: 'second', target: 'receipt' },
    { id: 'e', source: 'receipt', target: 'out' },
  ],
};

/** The path of a link the server answers (links point at the public address; tests inject). */
const pathOf = (url: string) => url.replace(trackingBaseUrl, '');

function unsubscribeHeaderUrl(mail: { headers: Record<string, string> }): string {
  const url = /^<([^>]+)>$/.exec(mail.headers['list-unsubscribe'] ?? '')?.[1];
  if (!url) throw new Error(`no List-Unsubscribe URL in ${JSON.stringify(mail.headers)}`);
  return url;
}

const oneClick = (tend: Tend, url: string) =>
  tend.app.inject({ method: 'POST', url: pathOf(url), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });

async function emailConsent(tend: Tend, userId: string) {
  return Object.fromEntries(await consentsOf(tend.database.db, tend.workspace.id, await tend.contactId(userId), 'email'));
}

describe('unsubscribe: RFC 8058 one-click and the preference page', () => {
  test.beforeAll(async ({ tend }) => {
    await tend.publish(newsletter);
    await tend.database.db.insert(subscriptionTopics).values([
      { workspaceId: tend.workspace.id, id: 'offers', name: 'Offers', description: 'Sales and discounts' },
      { workspaceId: tend.workspace.id, id: 'product-news', name: 'Product news', description: '' },
    ]);
  });

  test('marks marketing email with one-click headers, and transactional email without them', async ({ tend }) => {
    await tend.identify('hana', { email: 'hana@example.com' });
    await tend.track('hana', 'Joined');
    const [first] = await tend.waitForMail('hana@example.com', 1);
    expect(first!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(unsubscribeHeaderUrl(first!)).toMatch(new RegExp(`^${trackingBaseUrl}/u/`));
    // The link in the body is the header's link, not routed through the click tracker.
    expect(first!.html).toContain(`href="${unsubscribeHeaderUrl(first!)}"`);

    await settle();
    await tend.sleep('1 day');
    const mail = await tend.waitForMail('hana@example.com', 3);
    const receipt = mail.find((m) => m.subject === 'Your receipt')!;
    expect(receipt.headers['list-unsubscribe']).toBeUndefined();
    expect(receipt.headers['list-unsubscribe-post']).toBeUndefined();
  });

  test('one-click POST to the header URL stops the next marketing email but not the transactional one', async ({ tend }) => {
    await tend.identify('ines', { email: 'ines@example.com' });
    await tend.track('ines', 'Joined');
    const [first] = await tend.waitForMail('ines@example.com', 1);

    const answer = await oneClick(tend, unsubscribeHeaderUrl(first!));
    expect(answer.statusCode).toBe(200);
    // The message had no topic: the whole channel's marketing.
    expect(await emailConsent(tend, 'ines')).toEqual({ '': 'unsubscribed' });
    const changes = await consentHistory(tend.database.db, tend.workspace.id, await tend.contactId('ines'));
    expect(changes.map((change) => [change.channel, change.topic, change.status, change.source])).toEqual([['email', '', 'unsubscribed', 'one-click']]);

    // A day later the next newsletter is skipped (the policy step reads the consent) and the receipt still arrives.
    await settle();
    await tend.sleep('1 day');
    await tend.waitForMail('ines@example.com', 2);
    await tend.ended('ines', 'newsletter');
    expect(tend.mailTo('ines@example.com').map((mail) => mail.subject)).toEqual(['Newsletter 1', 'Your receipt']);
    const second = (await tend.trail('ines', 'newsletter')).find((visit) => visit.nodeId === 'second');
    expect(second).toMatchObject({ outcome: 'skipped', detail: { reason: 'the contact unsubscribed from email marketing' } });
  });

  test('a GET of the one-click URL (a mail scanner prefetching it) unsubscribes no one', async ({ tend }) => {
    await tend.identify('jude', { email: 'jude@example.com' });
    await tend.track('jude', 'Joined');
    const [first] = await tend.waitForMail('jude@example.com', 1);
    const page = await tend.app.inject({ method: 'GET', url: pathOf(unsubscribeHeaderUrl(first!)) });
    expect(page.statusCode).toBe(200);
    expect(await emailConsent(tend, 'jude')).toEqual({});
  });

  test('the preference page lists the workspace topics and saves the contact’s choice', async ({ tend }) => {
    await tend.identify('kofi', { email: 'kofi@example.com' });
    await tend.track('kofi', 'Joined');
    const [first] = await tend.waitForMail('kofi@example.com', 1);
    const url = `${pathOf(unsubscribeHeaderUrl(first!))}/preferences`;

    const page = await tend.app.inject({ method: 'GET', url });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain(`<h1>${tend.workspace.name}</h1>`);
    expect(page.body).toMatch(/<input type="checkbox" name="topic" value="offers" checked>/);
    expect(page.body).toMatch(/<input type="checkbox" name="topic" value="product-news" checked>/);
    expect(page.body).toContain('Unsubscribe from all marketing email');
    expect(page.body).not.toContain('<script');
    const action = /<form method="post" action="([^"]+)"/.exec(page.body)![1]!;

    // Keeps product news, leaves offers.
    const saved = await tend.app.inject({ method: 'POST', url: action, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'topic=product-news' });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).toContain('Your preferences are saved');
    expect(await emailConsent(tend, 'kofi')).toEqual({ offers: 'unsubscribed' });

    const again = await tend.app.inject({ method: 'GET', url });
    expect(again.body).toMatch(/value="offers">/);
    expect(again.body).toMatch(/value="product-news" checked>/);

    // Unsubscribe from all, then back in.
    await tend.app.inject({ method: 'POST', url: action, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'topic=product-news&all=unsubscribe' });
    expect(await emailConsent(tend, 'kofi')).toEqual({ offers: 'unsubscribed', '': 'unsubscribed' });
    await tend.app.inject({ method: 'POST', url: action, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'topic=product-news&topic=offers' });
    expect(await emailConsent(tend, 'kofi')).toEqual({ offers: 'subscribed', '': 'subscribed' });
  });

  test('a tampered token is refused with the same 404 as an unknown one, and changes nothing', async ({ tend }) => {
    await tend.identify('lena', { email: 'lena@example.com' });
    await tend.track('lena', 'Joined');
    const [first] = await tend.waitForMail('lena@example.com', 1);
    const url = pathOf(unsubscribeHeaderUrl(first!));
    const [payload, signature] = url.replace('/u/', '').split('.') as [string, string];
    const claim = JSON.parse(Buffer.from(payload, 'base64url').toString()) as string[];
    const otherContact = Buffer.from(JSON.stringify([claim[0], await tend.contactId('kofi'), claim[2], claim[3]])).toString('base64url');

    const answers = await Promise.all([
      oneClick(tend, `/u/${otherContact}.${signature}`),
      oneClick(tend, `/u/${payload}.${signature.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))}`),
      oneClick(tend, '/u/nothing-we-sent'),
      tend.app.inject({ method: 'GET', url: `/u/${otherContact}.${signature}` }),
    ]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([404, 404, 404, 404]);
    expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
    expect(await emailConsent(tend, 'lena')).toEqual({});
  });
});
