import { describe, expect, it } from 'vitest';
import { routedEvent, type RoutableEvent } from './routed-event.js';

const stored = (type: RoutableEvent['type'], name: string | null, properties: Record<string, unknown> = {}): RoutableEvent => ({
  id: 'ev_1',
  messageId: 'm1',
  type,
  name,
  contactId: 'ct_1',
  properties,
  occurredAt: new Date(0),
  createdContact: false,
  duplicate: false,
});

describe('routedEvent', () => {
  it('routes a page call as the track event "Page Viewed", with its properties', () => {
    expect(routedEvent(stored('page', 'Pricing', { path: '/pricing', name: 'Pricing' }))).toMatchObject({
      type: 'track',
      name: 'Page Viewed',
      properties: { path: '/pricing', name: 'Pricing' },
    });
  });

  it('routes a screen call as "Screen Viewed", named or not', () => {
    expect(routedEvent(stored('screen', null))).toMatchObject({ type: 'track', name: 'Screen Viewed' });
  });

  it('routes identify and track as they are', () => {
    expect(routedEvent(stored('track', 'Order Completed'))).toMatchObject({ type: 'track', name: 'Order Completed' });
    expect(routedEvent(stored('identify', null))).toMatchObject({ type: 'identify', name: null });
  });

  it('routes neither group nor alias', () => {
    expect(routedEvent(stored('group', null))).toBeNull();
    expect(routedEvent(stored('alias', null))).toBeNull();
  });
});
