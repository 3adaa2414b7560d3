// A contact who texts STOP gets no more marketing SMS from a running journey; START brings them back.
import { consentHistory, twilioSmsTransport } from '@tend/channels';
import { startTwilioPeer, type TwilioPeer } from '@tend/channels/testing';
import { and, eq, messages } from '@tend/db';
import type { JourneyGraphInput } from '@tend/journey';
import { buildServer, checkHealth } from '@tend/server';
import type { FastifyInstance } from 'fastify';
import { describe } from 'vitest';
import { expect, settle, tendTest, type Tend } from '../support/index.js';

const test = tendTest({ sms: true });

const publicUrl = 'https://tend.test';
const shopNumber = '+14155550100';

/** Two marketing texts a day apart. */
const saleJourney: JourneyGraphInput = {
  id: 'sms-sale',
  name: 'Sale by SMS',
  nodes: [
    { id: 'sale-started', type: 'trigger.event', position: { x: 0, y: 0 }, data: { event: 'Sale Started' } },
    { id: 'first-text', type: 'send-sms', position: { x: 0, y: 140 }, data: { body: 'The sale is on, {{ contact.firstName }}! Reply STOP to opt out.' } },
    { id: 'one-day', type: 'wait', position: { x: 0, y: 280 }, data: { amount: 1, unit: 'days' } },
    { id: 'last-day', type: 'send-sms', position: { x: 0, y: 420 }, data: { body: 'Last day of the sale, {{ contact.firstName }}.' } },
    { id: 'done', type: 'exit', position: { x: 0, y: 560 }, data: {} },
  ],
  edges: [
    { id: 'a', source: 'sale-started', target: 'first-text' },
    { id: 'b', source: 'first-text', target: 'one-day' },
    { id: 'c', source: 'one-day', target: 'last-day' },
    { id: 'd', source: 'last-day', target: 'done' },
  ],
};

describe('SMS keywords in a running journey', () => {
  // The fixture's worker texts through its generic SMS peer; the replies come in through Twilio's
  // webhook shape, so a second app on the same database has Twilio (a local peer) as its provider.
  let twilio: TwilioPeer;
  let webhooks: FastifyInstance;

  test.beforeAll(async ({ tend }) => {
    twilio = await startTwilioPeer();
    const sms = twilioSmsTransport({ accountSid: twilio.accountSid, authToken: twilio.authToken, from: shopNumber, baseUrl: twilio.url });
    webhooks = await buildServer({
      db: tend.database.db,
      temporal: tend.env.client,
      health: () => checkHealth(tend.database, tend.env.client, 'default'),
      publicUrl,
      senders: { sms },
    });
    await tend.publish(saleJourney);
  });
  test.afterAll(async () => {
    await webhooks?.close();
    await twilio?.stop();
  });

  async function textShop(tend: Tend, from: string, body: string) {
    const request = twilio.inbound(`${publicUrl}/webhooks/sms/${tend.workspace.id}`, { from, to: shopNumber, body });
    const response = await webhooks.inject({ method: 'POST', url: `/webhooks/sms/${tend.workspace.id}`, headers: request.headers, payload: request.payload });
    expect(response.statusCode, response.body).toBe(200);
    return response.body;
  }
  const textsTo = (tend: Tend, phone: string) =>
    tend.smsProvider!.received.filter((request) => (request.json as { to?: string }).to === phone).map((request) => (request.json as { body: string }).body);

  test('after STOP the next marketing text of the journey is skipped, with the reason on the trail and the ledger', async ({ tend }) => {
    await tend.identify('rosa', { firstName: 'Rosa', phone: '(415) 555-0142', country: 'US' });
    // SMS marketing needs an opt-in: Rosa texts START to the shop's number.
    expect(await textShop(tend, '+14155550142', 'START')).toContain('You are subscribed to');

    await tend.track('rosa', 'Sale Started');
    await settle(1000);
    expect(textsTo(tend, '+14155550142')).toEqual(['The sale is on, Rosa! Reply STOP to opt out.']);

    expect(await textShop(tend, '+14155550142', 'Stop')).toContain('<Message>You are unsubscribed from');
    await tend.sleep('1 day');
    await settle(1000);

    expect(textsTo(tend, '+14155550142')).toEqual(['The sale is on, Rosa! Reply STOP to opt out.']);
    expect(await tend.path('rosa', 'sms-sale')).toEqual(['sale-started:entered', 'first-text:sent', 'one-day:waited', 'last-day:skipped', 'done:exited']);
    const [skipped] = await tend.database.db
      .select()
      .from(messages)
      .where(and(eq(messages.contactId, await tend.contactId('rosa')), eq(messages.nodeId, 'last-day')));
    expect(skipped).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/unsubscribed/) });
    expect((await consentHistory(tend.database.db, tend.workspace.id, await tend.contactId('rosa'))).map((change) => [change.status, change.source, change.detail?.keyword])).toEqual([
      ['subscribed', 'sms-keyword', 'START'],
      ['unsubscribed', 'sms-keyword', 'STOP'],
    ]);
  });
});
