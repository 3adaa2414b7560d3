import { describe, expect, it } from 'vitest';
import { parseCall, type ParseResult } from './parse.js';
import { maxBatchBytes, maxBatchSize, maxValueBytes } from './schemas.js';

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

  describe('batch', () => {
    const identify = (userId: string, email = `${userId}@example.com`) => ({ type: 'identify', userId, traits: { email } });

    it('accepts a batch of identify and track calls, in order', () => {
      const events = eventsOf(parseCall('batch', { batch: [identify('u1'), { type: 'track', userId: 'u1', event: 'Signed Up' }] }));
      expect(events.map((event) => event.type)).toEqual(['identify', 'track']);
    });

    it('refuses the whole batch when one call is bad, naming its index and field', () => {
      const result = parseCall('batch', { batch: [identify('u1'), identify('u2', 'not-an-email'), identify('u3')] });
      expect(issuesOf(result)).toEqual([{ field: 'batch.1.traits.email', message: 'invalid email' }]);
    });

    it('names batch.N.type for a call of a type it does not take', () => {
      expect(issuesOf(parseCall('batch', { batch: [{ type: 'page', userId: 'u1' }, identify('u2')] }))).toEqual([
        { field: 'batch.0.type', message: expect.any(String) },
      ]);
    });

    it('names batch.N.type for an item that is not an object', () => {
      expect(issuesOf(parseCall('batch', { batch: [identify('u1'), 'identify'] })).map((issue) => issue.field)).toEqual(['batch.1.type']);
    });

    it('reports every bad call, not only the first', () => {
      const result = parseCall('batch', { batch: [{ type: 'track', userId: 'u1' }, identify('u2'), { type: 'identify' }] });
      expect(issuesOf(result).map((issue) => issue.field)).toEqual(['batch.0.event', 'batch.2.userId']);
    });

    it('refuses an empty batch', () => {
      expect(issuesOf(parseCall('batch', { batch: [] }))).toEqual([{ field: 'batch', message: 'batch is empty' }]);
    });

    it('refuses a batch that is not a list', () => {
      expect(issuesOf(parseCall('batch', { batch: identify('u1') })).map((issue) => issue.field)).toEqual(['batch']);
    });

    it('refuses a batch over the size limit', () => {
      const batch = Array.from({ length: maxBatchSize + 1 }, (_, i) => identify(`u${i}`));
      expect(issuesOf(parseCall('batch', { batch }))).toEqual([{ field: 'batch', message: expect.stringContaining('split it') }]);
    });
  });

  describe('size caps', () => {
    const text = (bytes: number) => 'x'.repeat(bytes);

    // A single 4.5 MB trait used to be stored whole, on the contact and on the event.
    it('refuses a 4.5 MB trait, naming it and its size', () => {
      const issues = issuesOf(parseCall('identify', { userId: 'u1', traits: { bio: text(4.5 * 1024 * 1024) } }));
      expect(issues).toContainEqual({ field: 'traits.bio', message: 'a trait may be at most 32 KiB (this one is 4.5 MiB)' });
    });

    it('accepts a trait of exactly the cap, and refuses one byte more', () => {
      const atCap = text(maxValueBytes - 2); // the quotes count
      expect(parseCall('identify', { userId: 'u1', traits: { bio: atCap } }).ok).toBe(true);
      expect(issuesOf(parseCall('identify', { userId: 'u1', traits: { bio: `${atCap}x` } }))).toEqual([
        { field: 'traits.bio', message: 'a trait may be at most 32 KiB (this one is 32769 bytes)' },
      ]);
    });

    it('measures nested values as JSON', () => {
      const issues = issuesOf(parseCall('identify', { userId: 'u1', traits: { address: { lines: [text(20_000), text(20_000)] } } }));
      expect(issues.map((issue) => issue.field)).toEqual(['traits.address']);
    });

    it('refuses an oversized event property, naming it', () => {
      const issues = issuesOf(parseCall('track', { userId: 'u1', event: 'Viewed', properties: { html: text(40 * 1024) } }));
      expect(issues).toEqual([{ field: 'properties.html', message: 'a property may be at most 32 KiB (this one is 40 KiB)' }]);
    });

    it('refuses a call over the call cap even when each value is under its own', () => {
      const traits = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`t${i}`, text(30 * 1024)]));
      expect(issuesOf(parseCall('identify', { userId: 'u1', traits }))).toEqual([
        { field: '', message: expect.stringContaining('a call may be at most 512 KiB') },
      ]);
    });

    it('names the batch item that is over the call cap, and refuses the whole batch', () => {
      const traits = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`t${i}`, text(30 * 1024)]));
      const result = parseCall('batch', { batch: [{ type: 'identify', userId: 'u1' }, { type: 'identify', userId: 'u2', traits }] });
      expect(issuesOf(result)).toEqual([{ field: 'batch.1', message: expect.stringContaining('a call may be at most 512 KiB') }]);
    });

    it('refuses a batch over the batch cap, though each call is under its own', () => {
      const call = (i: number) => ({ type: 'track', userId: `u${i}`, event: 'Viewed', properties: { a: text(30_000), b: text(30_000), c: text(30_000) } });
      const batch = Array.from({ length: Math.ceil(maxBatchBytes / 90_000) + 1 }, (_, i) => call(i));
      expect(issuesOf(parseCall('batch', { batch }))).toEqual([{ field: 'batch', message: expect.stringMatching(/^a batch may be at most 4 MiB \(this one is [\d.]+ MiB\); split it$/) }]);
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
