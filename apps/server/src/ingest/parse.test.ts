import { describe, expect, it } from 'vitest';
import { parseCall, type ParseResult } from './parse.js';
import { maxBatchBytes, maxBatchSize, maxCallBytes } from './schemas.js';

function issuesOf(result: ParseResult) {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues;
}

function eventsOf(result: ParseResult) {
  if (!result.ok) throw new Error(`expected the call to parse: ${JSON.stringify(result.issues)}`);
  return result.events;
}

describe('parseCall', () => {
  describe('identify', () => {
    it('accepts a Segment identify and keeps its traits', () => {
      const [event] = eventsOf(parseCall('identify', { userId: 'u1', traits: { email: 'ada@example.com', firstName: 'Ada' } }));
      expect(event).toMatchObject({ type: 'identify', userId: 'u1', traits: { email: 'ada@example.com', firstName: 'Ada' } });
    });

    it('takes traits from context.traits, as RudderStack\'s SDKs send them, the call\'s own winning', () => {
      const [event] = eventsOf(parseCall('identify', { userId: 'u1', context: { traits: { email: 'ada@example.com', plan: 'free' } }, traits: { plan: 'pro' } }));
      expect(event).toMatchObject({ traits: { email: 'ada@example.com', plan: 'pro' } });
    });

    it('names traits.email when the email is not an email', () => {
      expect(issuesOf(parseCall('identify', { userId: 'u1', traits: { email: 'ada-at-example' } }))).toEqual([
        { field: 'traits.email', message: 'invalid email' },
      ]);
    });

    it('names userId when the call identifies nobody', () => {
      expect(issuesOf(parseCall('identify', { traits: { email: 'ada@example.com' } }))).toEqual([
        { field: 'userId', message: 'userId or anonymousId is required' },
      ]);
    });

    it('treats an empty userId as no userId', () => {
      expect(issuesOf(parseCall('identify', { userId: '' })).map((issue) => issue.field)).toContain('userId');
    });

    it('accepts an anonymous identify', () => {
      expect(eventsOf(parseCall('identify', { anonymousId: 'anon-1' }))[0]).toMatchObject({ anonymousId: 'anon-1', traits: {} });
    });

    it('accepts a numeric userId and turns it into a string', () => {
      const [event] = eventsOf(parseCall('identify', { userId: 42 }));
      expect(event!.userId).toBe('42');
    });

    // Segment's analytics-python sets both ids on every call and sends the missing one as null.
    it('accepts a null anonymousId beside a userId, as Segment libraries send it', () => {
      const [event] = eventsOf(parseCall('identify', { userId: 'u1', anonymousId: null, traits: { email: 'ada@example.com' } }));
      expect(event).toMatchObject({ userId: 'u1' });
      expect(event!.anonymousId ?? null).toBeNull();
    });

    it('still names userId when both ids are null', () => {
      expect(issuesOf(parseCall('identify', { userId: null, anonymousId: null }))).toEqual([
        { field: 'userId', message: 'userId or anonymousId is required' },
      ]);
    });

    it('ignores Segment fields it does not use, such as context', () => {
      expect(parseCall('identify', { userId: 'u1', context: { ip: '1.2.3.4' }, integrations: {} }).ok).toBe(true);
    });
  });

  describe('track', () => {
    it('accepts a Segment track with its properties', () => {
      const [event] = eventsOf(parseCall('track', { userId: 'u1', event: 'Order Completed', properties: { total: 42 } }));
      expect(event).toMatchObject({ type: 'track', userId: 'u1', event: 'Order Completed', properties: { total: 42 } });
    });

    it('names event when the event name is missing or blank', () => {
      for (const body of [{ userId: 'u1' }, { userId: 'u1', event: '  ' }]) {
        expect(issuesOf(parseCall('track', body)).map((issue) => issue.field)).toEqual(['event']);
      }
    });

    it('names timestamp when it is not ISO 8601', () => {
      expect(issuesOf(parseCall('track', { userId: 'u1', event: 'Signed Up', timestamp: 'yesterday' }))).toEqual([
        { field: 'timestamp', message: expect.stringContaining('ISO 8601') },
      ]);
    });

    it('accepts a null userId beside an anonymousId, as analytics-python sends for an anonymous visitor', () => {
      const [event] = eventsOf(parseCall('track', { userId: null, anonymousId: 'anon-1', event: 'Viewed Product' }));
      expect(event).toMatchObject({ anonymousId: 'anon-1' });
      expect(event!.userId ?? null).toBeNull();
    });

    it('accepts a timestamp with an offset', () => {
      expect(parseCall('track', { userId: 'u1', event: 'Signed Up', timestamp: '2026-11-23T09:00:00+01:00' }).ok).toBe(true);
    });
  });

  describe('page, screen, group, alias', () => {
    it('accepts a page with its optional name, category and properties', () => {
      const [event] = eventsOf(parseCall('page', { userId: 'u1', name: 'Pricing', category: 'Docs', properties: { path: '/pricing' } }));
      expect(event).toMatchObject({ type: 'page', name: 'Pricing', category: 'Docs', properties: { path: '/pricing' } });
      expect(eventsOf(parseCall('screen', { anonymousId: 'a1' }))[0]).toMatchObject({ type: 'screen', properties: {} });
    });

    it('names groupId for a group without one, and turns a numeric one into a string', () => {
      expect(issuesOf(parseCall('group', { userId: 'u1', traits: {} }))).toEqual([{ field: 'groupId', message: 'groupId is required' }]);
      expect(eventsOf(parseCall('group', { userId: 'u1', groupId: 7 }))[0]).toMatchObject({ groupId: '7', traits: {} });
    });

    it('names userId and previousId for an alias without them', () => {
      expect(issuesOf(parseCall('alias', {})).map((issue) => issue.field)).toEqual(['userId', 'previousId']);
      expect(eventsOf(parseCall('alias', { userId: 'u1', previousId: 'anon-1' }))[0]).toMatchObject({ type: 'alias', userId: 'u1', previousId: 'anon-1' });
    });
  });

  describe('clock skew', () => {
    const receivedAt = new Date('2026-11-23T12:00:00.000Z');

    it('dates a call without timestamp at receivedAt − (sentAt − originalTimestamp)', () => {
      const call = { userId: 'u1', event: 'E', originalTimestamp: '2020-01-01T00:00:00.000Z', sentAt: '2020-01-01T00:00:05.000Z' };
      expect(eventsOf(parseCall('track', call, receivedAt))[0]!.timestamp).toBe('2026-11-23T11:59:55.000Z');
    });

    it('keeps a timestamp the client sent, and takes originalTimestamp as it is without sentAt', () => {
      const stamped = { userId: 'u1', event: 'E', timestamp: '2026-01-01T00:00:00.000Z', originalTimestamp: '2020-01-01T00:00:00.000Z', sentAt: '2020-01-01T00:00:05.000Z' };
      expect(eventsOf(parseCall('track', stamped, receivedAt))[0]!.timestamp).toBe('2026-01-01T00:00:00.000Z');
      expect(eventsOf(parseCall('track', { userId: 'u1', event: 'E', originalTimestamp: '2020-01-01T00:00:00.000Z' }, receivedAt))[0]!.timestamp).toBe('2020-01-01T00:00:00.000Z');
    });

    it('uses the batch\'s sentAt for its items', () => {
      const body = { sentAt: '2020-01-01T00:00:05.000Z', batch: [{ type: 'track', userId: 'u1', event: 'E', originalTimestamp: '2020-01-01T00:00:00.000Z' }] };
      expect(eventsOf(parseCall('batch', body, receivedAt))[0]!.timestamp).toBe('2026-11-23T11:59:55.000Z');
    });
  });

  describe('batch', () => {
    const identify = (userId: string, email = `${userId}@example.com`) => ({ type: 'identify', userId, traits: { email } });

    it('accepts a batch of every call type, in order', () => {
      const batch = [
        identify('u1'),
        { type: 'track', userId: 'u1', event: 'Signed Up' },
        { type: 'page', userId: 'u1' },
        { type: 'screen', userId: 'u1' },
        { type: 'group', userId: 'u1', groupId: 'g1' },
        { type: 'alias', userId: 'u1', previousId: 'a1' },
      ];
      expect(eventsOf(parseCall('batch', { batch })).map((event) => event.type)).toEqual(['identify', 'track', 'page', 'screen', 'group', 'alias']);
    });

    it('keeps the good calls when one is bad, and rejects the bad one by index and field', () => {
      const bad = identify('u2', 'not-an-email');
      const result = parseCall('batch', { batch: [identify('u1'), bad, identify('u3')] });
      expect(eventsOf(result).map((event) => event.userId)).toEqual(['u1', 'u3']);
      expect(result.rejected).toEqual([
        { index: 1, type: 'identify', messageId: null, field: 'batch.1.traits.email', message: 'batch.1.traits.email: invalid email', payload: bad },
      ]);
    });

    it('rejects batch.N.type for a call of a type it does not take, or an item that is not an object', () => {
      const result = parseCall('batch', { batch: [{ type: 'shout', userId: 'u1' }, identify('u2'), 'identify'] });
      expect(result.rejected.map((item) => [item.index, item.field])).toEqual([
        [0, 'batch.0.type'],
        [2, 'batch.2.type'],
      ]);
    });

    it('refuses a batch none of whose calls is good, reporting every one', () => {
      const result = parseCall('batch', { batch: [{ type: 'track', userId: 'u1' }, { type: 'identify' }] });
      expect(issuesOf(result).map((issue) => issue.field)).toEqual(['batch.0.event', 'batch.1.userId']);
      expect(result.rejected).toHaveLength(2);
    });

    it('merges the batch\'s context and integrations into each item, the item\'s own winning', () => {
      const body = {
        context: { library: { name: 'hand' }, ip: '1.2.3.4' },
        integrations: { All: true },
        batch: [{ type: 'track', userId: 'u1', event: 'E', context: { ip: '5.6.7.8' } }],
      };
      expect(eventsOf(parseCall('batch', body))[0]).toMatchObject({ context: { library: { name: 'hand' }, ip: '5.6.7.8' }, integrations: { All: true } });
    });

    it('refuses an empty batch', () => {
      expect(issuesOf(parseCall('batch', { batch: [] }))).toEqual([{ field: 'batch', message: 'batch is empty' }]);
    });

    it('refuses a batch that is not a list', () => {
      expect(issuesOf(parseCall('batch', { batch: identify('u1') })).map((issue) => issue.field)).toEqual(['batch']);
    });

    it('takes 2,500 calls and refuses 2,501 with 413', () => {
      expect(maxBatchSize).toBe(2500);
      expect(eventsOf(parseCall('batch', { batch: Array.from({ length: maxBatchSize }, (_, i) => identify(`u${i}`)) }))).toHaveLength(maxBatchSize);
      const result = parseCall('batch', { batch: Array.from({ length: maxBatchSize + 1 }, (_, i) => identify(`u${i}`)) });
      expect(result).toMatchObject({ ok: false, status: 413, issues: [{ field: 'batch', message: expect.stringContaining('split it') }] });
    });
  });

  describe('size caps (Segment\'s: 32 KiB a call, 500 KiB a batch)', () => {
    const text = (bytes: number) => 'x'.repeat(bytes);

    // A single 4.5 MB trait used to be stored whole, on the contact and on the event.
    it('refuses a 4.5 MB trait with 413, naming it and its size', () => {
      const result = parseCall('identify', { userId: 'u1', traits: { bio: text(4.5 * 1024 * 1024) } });
      expect(result).toMatchObject({ ok: false, status: 413 });
      expect(issuesOf(result)).toContainEqual({ field: 'traits.bio', message: 'a trait may be at most 32 KiB (this one is 4.5 MiB)' });
    });

    it('accepts a call of exactly the cap, and refuses one byte more', () => {
      const call = (bytes: number) => {
        const empty = { userId: 'u1', traits: { bio: '' } };
        return { userId: 'u1', traits: { bio: text(bytes - JSON.stringify(empty).length) } };
      };
      expect(parseCall('identify', call(maxCallBytes)).ok).toBe(true);
      expect(issuesOf(parseCall('identify', call(maxCallBytes + 1)))).toEqual([{ field: '', message: 'a call may be at most 32 KiB (this one is 32769 bytes)' }]);
    });

    it('refuses a call over the cap even when each value is under it, naming the call', () => {
      const traits = Object.fromEntries(Array.from({ length: 2 }, (_, i) => [`t${i}`, text(20 * 1024)]));
      expect(issuesOf(parseCall('identify', { userId: 'u1', traits }))).toEqual([{ field: '', message: expect.stringContaining('a call may be at most 32 KiB') }]);
    });

    it('refuses an oversized event property, naming it', () => {
      const issues = issuesOf(parseCall('track', { userId: 'u1', event: 'Viewed', properties: { html: text(40 * 1024) } }));
      expect(issues).toEqual([{ field: 'properties.html', message: 'a property may be at most 32 KiB (this one is 40 KiB)' }]);
    });

    it('rejects the batch item that is over the call cap and keeps the others', () => {
      const traits = Object.fromEntries(Array.from({ length: 2 }, (_, i) => [`t${i}`, text(20 * 1024)]));
      const result = parseCall('batch', { batch: [{ type: 'identify', userId: 'u1' }, { type: 'identify', userId: 'u2', traits }] });
      expect(eventsOf(result)).toHaveLength(1);
      expect(result.rejected).toEqual([expect.objectContaining({ index: 1, field: 'batch.1', message: expect.stringContaining('a call may be at most 32 KiB') })]);
    });

    it('refuses a batch over the batch cap with 413, though each call is under its own', () => {
      const call = (i: number) => ({ type: 'track', userId: `u${i}`, event: 'Viewed', properties: { a: text(30_000) } });
      const batch = Array.from({ length: Math.ceil(maxBatchBytes / 30_000) + 1 }, (_, i) => call(i));
      const result = parseCall('batch', { batch });
      expect(result).toMatchObject({ ok: false, status: 413 });
      expect(issuesOf(result)).toEqual([{ field: 'batch', message: expect.stringMatching(/^a batch may be at most 500 KiB \(this one is [\d.]+ KiB\); split it$/) }]);
    });
  });

  it.each([
    ['null', null],
    ['a string', 'userId=u1'],
    ['a number', 7],
    ['an array', [{ userId: 'u1' }]],
    ['nothing', undefined],
  ])('refuses a body that is not a JSON object: %s', (_label, body) => {
    for (const kind of ['identify', 'track', 'batch'] as const) {
      expect(issuesOf(parseCall(kind, body))).toEqual([{ field: '', message: 'the body must be a JSON object' }]);
    }
  });
});
