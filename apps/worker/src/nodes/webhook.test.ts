import { startHttpPeer, type HttpPeer } from '@tend/channels/testing';
import { contacts, eq } from '@tend/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeHarness, type NodeHarness } from '../testing/node-harness.js';
import { webhook } from './webhook.js';

describe('webhook', () => {
  let harness: NodeHarness;
  let receiver: HttpPeer;

  beforeAll(async () => {
    [harness, receiver] = await Promise.all([startNodeHarness(), startHttpPeer()]);
  });
  afterAll(async () => {
    await receiver?.stop();
    await harness?.close();
  });

  async function traitsOf(contactId: string) {
    const [row] = await harness.db.select({ traits: contacts.traits }).from(contacts).where(eq(contacts.id, contactId));
    return row?.traits;
  }

  it('POSTs the JSON body filled in for the contact, escaping text and writing other values as JSON', async () => {
    const ada = await harness.contact({ id: 'ada', email: 'ada@example.com', traits: { name: 'Ada "The Countess"\nLovelace', tags: ['vip', 'beta'], orders: 3 } });
    const context = harness.context(ada);
    const before = receiver.received.length;

    const result = await harness.run(webhook, context, {
      url: `${receiver.url}/hooks/signup?source=tend`,
      headers: { Authorization: 'Bearer t0ken' },
      body: '{"email": "{{ contact.email }}", "name": "{{ contact.name }}", "tags": {{ contact.tags }}, "orders": {{ contact.orders }}, "plan": "{{ event.properties.plan }}"}',
    });

    expect(result).toEqual({ output: 'next' });
    const [request] = receiver.received.slice(before);
    expect(request).toMatchObject({
      method: 'POST',
      path: '/hooks/signup?source=tend',
      headers: { authorization: 'Bearer t0ken', 'content-type': 'application/json', 'idempotency-key': context.idempotencyKey },
      json: { email: 'ada@example.com', name: 'Ada "The Countess"\nLovelace', tags: ['vip', 'beta'], orders: 3, plan: 'pro' },
    });
  });

  it('sends the same Idempotency-Key on every retry of one visit, and a new one for the next visit', async () => {
    const grace = await harness.contact({ id: 'grace' });
    const [visit, nextVisit] = [harness.context(grace), harness.context(grace)];
    const before = receiver.received.length;
    const config = { url: `${receiver.url}/hooks/ping`, method: 'PUT' as const, body: '{"id": "{{ contact.id }}"}' };

    await harness.run(webhook, visit, config);
    await harness.run(webhook, visit, config);
    await harness.run(webhook, nextVisit, config);

    const keys = receiver.received.slice(before).map((request) => request.headers['idempotency-key']);
    expect(keys).toEqual([visit.idempotencyKey, visit.idempotencyKey, nextVisit.idempotencyKey]);
    expect(receiver.received.slice(before).every((request) => request.method === 'PUT')).toBe(true);
  });

  it('saves the JSON answer on the profile under saveResponseAs, keeping the other traits', async () => {
    const linus = await harness.contact({ id: 'linus', traits: { firstName: 'Linus' } });
    receiver.reply({ status: 201, json: { id: 'crm-42', score: 7 } });

    await harness.run(webhook, harness.context(linus), { url: `${receiver.url}/crm`, method: 'GET', saveResponseAs: 'crm' });

    expect(await traitsOf(linus)).toEqual({ firstName: 'Linus', crm: { id: 'crm-42', score: 7 } });
    const request = receiver.received.at(-1);
    expect(request).toMatchObject({ method: 'GET', body: '' });
    expect(request?.headers['content-type']).toBeUndefined();
  });

  it('throws on a non-2xx answer so Temporal retries, and the retry goes through', async () => {
    const kim = await harness.contact({ id: 'kim' });
    const context = harness.context(kim);
    const before = receiver.received.length;
    receiver.reply({ status: 503, text: 'try later' });
    const config = { url: `${receiver.url}/hooks/flaky`, body: '{}', saveResponseAs: 'flaky' };

    const failure = harness.run(webhook, context, config);
    await expect(failure).rejects.toThrow('the webhook answered HTTP 503: try later');
    await expect(failure).rejects.not.toMatchObject({ nonRetryable: true });
    expect(await traitsOf(kim)).toEqual({});

    await expect(harness.run(webhook, context, config)).resolves.toEqual({ output: 'next' });
    expect(receiver.received.length).toBe(before + 2);
    expect(await traitsOf(kim)).toEqual({ flaky: {} });
  });

  it('gives up on a slow receiver after timeoutMs and throws, so Temporal retries', async () => {
    const mo = await harness.contact({ id: 'mo' });
    receiver.reply({ status: 200, json: {}, delayMs: 3_000 });
    const started = Date.now();

    await expect(harness.run(webhook, harness.context(mo), { url: `${receiver.url}/slow`, timeoutMs: 1_000 })).rejects.toThrow(
      /did not answer within 1000 ms/,
    );
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('fails without retrying when the body is not JSON once filled in, and calls nobody', async () => {
    const ren = await harness.contact({ id: 'ren' });
    const before = receiver.received.length;

    await expect(harness.run(webhook, harness.context(ren), { url: `${receiver.url}/hooks`, body: '{"orders": {{ contact.orders }}}' })).rejects.toMatchObject({
      nonRetryable: true,
      message: expect.stringContaining('the webhook body is not JSON once filled in for this contact'),
    });
    expect(receiver.received.length).toBe(before);
  });

  it('uses the fetch it is given', async () => {
    const sam = await harness.contact({ id: 'sam' });
    const seen: string[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      seen.push(String(input));
      return fetch(input, init);
    };

    await harness.run(webhook, harness.context(sam), { url: `${receiver.url}/via-deps` }, { fetch: recordingFetch });

    expect(seen).toEqual([`${receiver.url}/via-deps`]);
  });
});
