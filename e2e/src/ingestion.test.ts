import { contacts, events } from '@tend/db';
import { describe } from 'vitest';
import { expect, test, type Tend } from './support/index.js';

/** A raw call, so a test can send what the fixture's identify and track would refuse to. */
const post = (tend: Tend, kind: 'identify' | 'track' | 'batch', payload: object | string, authorization: string | null = tend.auth) =>
  tend.app.inject({
    method: 'POST',
    url: `/v1/${kind}`,
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    payload,
  });

const basic = (writeKey: string) => `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`;

async function stored(tend: Tend) {
  const db = tend.database.db;
  return { contacts: await db.select().from(contacts), events: await db.select().from(events) };
}

async function counts(tend: Tend) {
  const rows = await stored(tend);
  return { contacts: rows.contacts.length, events: rows.events.length };
}

async function contactByUserId(tend: Tend, userId: string) {
  const rows = await stored(tend);
  const matching = rows.contacts.filter((contact) => contact.userId === userId);
  return { matching, events: rows.events.filter((event) => matching.some((contact) => contact.id === event.contactId)) };
}

describe('Segment-compatible ingestion over HTTP, on real Postgres and Temporal', () => {
  describe('authentication', () => {
    const call = { userId: 'auth-1', traits: { email: 'auth@example.com' } };

    test('answers 401 to a call without a write key, and stores nothing', async ({ tend }) => {
      const before = await counts(tend);
      const response = await post(tend, 'identify', call, null);
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toMatch(/^Basic/);
      expect(response.json()).toMatchObject({ error: 'unauthorized' });
      expect(await counts(tend)).toEqual(before);
    });

    test('answers 401 to an unknown write key, and stores nothing', async ({ tend }) => {
      const before = await counts(tend);
      for (const authorization of [basic('not-the-key'), basic(''), 'Bearer test-write-key']) {
        expect((await post(tend, 'identify', call, authorization)).statusCode).toBe(401);
      }
      expect(await counts(tend)).toEqual(before);
    });

    test('accepts the write key as the Basic user, with or without the trailing colon', async ({ tend }) => {
      const bare = `Basic ${Buffer.from(tend.workspace.writeKey).toString('base64')}`;
      expect((await post(tend, 'identify', call, bare)).statusCode).toBe(200);
      expect((await post(tend, 'identify', call, tend.auth)).statusCode).toBe(200);
    });
  });

  describe('refused calls', () => {
    test('answers 400 naming the field of a malformed identify, and stores nothing', async ({ tend }) => {
      const before = await counts(tend);
      const response = await post(tend, 'identify', { userId: 'bad-email', traits: { email: 'ada-at-example' } });
      expect(response.statusCode).toBe(400);
      const body = response.json();
      expect(body).toMatchObject({ error: 'invalid_event', issues: [{ field: 'traits.email', message: 'invalid email' }] });
      expect(body.message).toContain('traits.email');
      expect(await counts(tend)).toEqual(before);
    });

    // Segment answers 200 to a batch with bad items and drops only those; Tend says which.
    test('stores the good calls of a batch, and names each bad one with its index', async ({ tend }) => {
      const response = await post(tend, 'batch', {
        batch: [
          { type: 'identify', userId: 'batch-good-1', traits: { email: 'good1@example.com' } },
          { type: 'track', userId: 'batch-good-1' },
          { type: 'identify', userId: 'batch-good-2', traits: { email: 'good2@example.com' } },
        ],
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ success: true, accepted: 2, rejected: [{ index: 1, field: 'batch.1.event', message: expect.any(String) }] });
      expect((await contactByUserId(tend, 'batch-good-1')).events.map((event) => event.type)).toEqual(['identify']);
      expect((await contactByUserId(tend, 'batch-good-2')).matching).toHaveLength(1);
    });

    test('refuses a batch none of whose calls is good, and stores nothing', async ({ tend }) => {
      const before = await counts(tend);
      const response = await post(tend, 'batch', { batch: [{ type: 'track', userId: 'batch-bad-1' }] });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'invalid_event', issues: [{ field: 'batch.0.event' }], rejected: [{ index: 0, field: 'batch.0.event' }] });
      expect(await counts(tend)).toEqual(before);
    });

    test('answers 400, not 500, to a body that is not JSON', async ({ tend }) => {
      const before = await counts(tend);
      const response = await post(tend, 'track', '{"userId": "u1", "event": ');
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: 'bad_request' });
      expect(await counts(tend)).toEqual(before);
    });

    test('answers 400 to a JSON body that is not an object', async ({ tend }) => {
      const response = await post(tend, 'identify', '[{"userId": "u1"}]');
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: 'invalid_event' });
    });
  });

  describe('accepted calls', () => {
    test('stores an identify and a track of one batch against one contact', async ({ tend }) => {
      const response = await post(tend, 'batch', {
        batch: [
          { type: 'identify', userId: 'batch-1', messageId: 'batch-1-identify', traits: { email: 'grace@example.com', firstName: 'Grace' } },
          { type: 'track', userId: 'batch-1', messageId: 'batch-1-track', event: 'Signed Up', properties: { plan: 'pro' } },
        ],
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ success: true, accepted: 2, duplicates: 0 });

      const { matching, events: stored } = await contactByUserId(tend, 'batch-1');
      expect(matching).toHaveLength(1);
      expect(matching[0]).toMatchObject({ email: 'grace@example.com', traits: { email: 'grace@example.com', firstName: 'Grace' } });
      expect(stored.map((event) => [event.type, event.messageId]).sort()).toEqual([
        ['identify', 'batch-1-identify'],
        ['track', 'batch-1-track'],
      ]);
    });

    test('stores a track event with its name, properties and timestamp', async ({ tend }) => {
      await post(tend, 'identify', { userId: 'buyer-1', traits: { email: 'buyer@example.com' } });
      const response = await post(tend, 'track', {
        userId: 'buyer-1',
        event: 'Order Completed',
        properties: { orderId: 'o-1', total: 42.5, items: [{ sku: 'tea' }] },
        timestamp: '2026-11-20T09:30:00Z',
      });
      expect(response.statusCode).toBe(200);

      const { matching, events: stored } = await contactByUserId(tend, 'buyer-1');
      expect(matching).toHaveLength(1);
      const track = stored.find((event) => event.type === 'track');
      expect(track).toMatchObject({
        workspaceId: tend.workspace.id,
        name: 'Order Completed',
        properties: { orderId: 'o-1', total: 42.5, items: [{ sku: 'tea' }] },
        createdContact: false,
      });
      expect(track!.occurredAt.toISOString()).toBe('2026-11-20T09:30:00.000Z');
    });

    test('creates the contact for a track from a userId it has not seen', async ({ tend }) => {
      const response = await post(tend, 'track', { userId: 'stranger-1', event: 'Viewed Product', properties: { sku: 'tea' } });
      expect(response.statusCode).toBe(200);

      const { matching, events: stored } = await contactByUserId(tend, 'stranger-1');
      expect(matching).toHaveLength(1);
      expect(matching[0]).toMatchObject({ workspaceId: tend.workspace.id, email: null });
      expect(stored).toEqual([expect.objectContaining({ name: 'Viewed Product', createdContact: true })]);
    });

    // analytics-python sets userId and anonymousId on every message and sends the missing one as null.
    test('accepts a batch as Segment\'s analytics-python sends it', async ({ tend }) => {
      const message = { context: { library: { name: 'analytics-python', version: '2.3.3' } }, integrations: {}, timestamp: '2026-11-23T09:00:00.123+00:00' };
      const response = await post(tend, 'batch', {
        sentAt: '2026-11-23T09:00:01.000+00:00',
        batch: [
          { ...message, type: 'identify', messageId: 'py-1', userId: 'py-user', anonymousId: null, traits: { email: 'py@example.com' } },
          { ...message, type: 'track', messageId: 'py-2', userId: null, anonymousId: 'py-visitor', event: 'Viewed Pricing', properties: {} },
        ],
      });
      expect(response.json()).toMatchObject({ success: true, accepted: 2 });
      expect((await contactByUserId(tend, 'py-user')).matching).toHaveLength(1);
    });

    test('stores a numeric userId as text, the same contact as its string form', async ({ tend }) => {
      expect((await post(tend, 'identify', { userId: 1234, traits: { email: 'numeric@example.com' } })).statusCode).toBe(200);
      expect((await post(tend, 'track', { userId: '1234', event: 'Logged In' })).statusCode).toBe(200);

      const { matching, events: stored } = await contactByUserId(tend, '1234');
      expect(matching).toHaveLength(1);
      expect(stored).toHaveLength(2);
    });
  });
});
