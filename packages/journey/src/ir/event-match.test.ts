import { describe, expect, it } from 'vitest';
import { eventMatches, triggerMatches, type MatchableEvent } from './event-match.js';
import type { EventMatcher, IrTrigger } from './types.js';

const track = (name: string, properties: Record<string, unknown> = {}): MatchableEvent => ({ type: 'track', name, properties });
const identify: MatchableEvent = { type: 'identify', name: null, properties: {} };
const bigOrders: EventMatcher = { event: 'Order Completed', filters: [{ property: 'total', op: 'gt', value: 100 }] };

describe('eventMatches', () => {
  it('takes a track event of the matcher’s name whose properties pass the filters', () => {
    expect(eventMatches(bigOrders, track('Order Completed', { total: 150 }))).toBe(true);
    expect(eventMatches(bigOrders, track('Order Completed', { total: 50 }))).toBe(false);
    expect(eventMatches(bigOrders, track('Order Refunded', { total: 150 }))).toBe(false);
    expect(eventMatches({ event: 'Order Completed', filters: [] }, track('Order Completed'))).toBe(true);
  });

  it('never takes an identify event, whatever its properties', () => {
    expect(eventMatches({ event: 'Order Completed', filters: [] }, { ...identify, properties: { total: 150 } })).toBe(false);
  });

  it('with an entry property, takes only an event that carries the entry event’s value of it', () => {
    const cartEvent = { event: 'Order Completed', filters: [] };
    const entry = { properties: { cartId: 'cart-1' } };
    expect(eventMatches(cartEvent, track('Order Completed', { cartId: 'cart-1' }), { entry, property: 'cartId' })).toBe(true);
    expect(eventMatches(cartEvent, track('Order Completed', { cartId: 'cart-2' }), { entry, property: 'cartId' })).toBe(false);
    expect(eventMatches(cartEvent, track('Order Completed'), { entry, property: 'cartId' })).toBe(false);
  });

  it('an entry event without the property ties nothing to it: no event matches, not even one that lacks it too', () => {
    const entry = { properties: {} };
    expect(eventMatches({ event: 'Order Completed', filters: [] }, track('Order Completed'), { entry, property: 'cartId' })).toBe(false);
  });

  it('without an entry property (null or absent), any matching event will do', () => {
    const entry = { properties: { cartId: 'cart-1' } };
    expect(eventMatches(bigOrders, track('Order Completed', { total: 150, cartId: 'cart-2' }), { entry, property: null })).toBe(true);
    expect(eventMatches(bigOrders, track('Order Completed', { total: 150, cartId: 'cart-2' }), { entry, property: undefined })).toBe(true);
  });
});

describe('triggerMatches', () => {
  const next = null;

  it('identify triggers take identify events, only from new contacts when asked', () => {
    const anyone: IrTrigger = { nodeId: 't', kind: 'identify', onlyNewContacts: false, next };
    const newcomers: IrTrigger = { ...anyone, onlyNewContacts: true };
    expect(triggerMatches(anyone, { ...identify, createdContact: false })).toBe(true);
    expect(triggerMatches(newcomers, { ...identify, createdContact: false })).toBe(false);
    expect(triggerMatches(newcomers, { ...identify, createdContact: true })).toBe(true);
    expect(triggerMatches(anyone, { ...track('Signed Up'), createdContact: true })).toBe(false);
  });

  it('event triggers match as waits, goals and exits do', () => {
    const trigger: IrTrigger = { nodeId: 't', kind: 'event', ...bigOrders, next };
    expect(triggerMatches(trigger, { ...track('Order Completed', { total: 150 }), createdContact: false })).toBe(true);
    expect(triggerMatches(trigger, { ...track('Order Completed', { total: 50 }), createdContact: false })).toBe(false);
  });

  it('segment triggers take "Segment Entered" for their segment, compared strictly', () => {
    const trigger: IrTrigger = { nodeId: 't', kind: 'segment', segment: '5', next };
    expect(triggerMatches(trigger, { ...track('Segment Entered', { segment: '5' }), createdContact: false })).toBe(true);
    expect(triggerMatches(trigger, { ...track('Segment Entered', { segment: 5 }), createdContact: false })).toBe(false);
    expect(triggerMatches(trigger, { ...track('Segment Exited', { segment: '5' }), createdContact: false })).toBe(false);
  });

  it('date and schedule triggers never match an event: their schedules enter contacts', () => {
    const date: IrTrigger = { nodeId: 't', kind: 'date-attribute', attribute: 'birthday', offsetDays: 0, time: '09:00', recurring: true, next };
    const schedule: IrTrigger = { nodeId: 't', kind: 'schedule', cron: '0 9 * * *', condition: null, next };
    expect(triggerMatches(date, { ...identify, createdContact: true })).toBe(false);
    expect(triggerMatches(schedule, { ...track('Segment Entered', { segment: '5' }), createdContact: true })).toBe(false);
  });
});
