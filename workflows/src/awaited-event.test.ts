import { eventMatches, type ContactEvent, type IrNode } from '@tend/journey/ir';
import { describe, expect, it } from 'vitest';
import { AwaitedEvent } from './awaited-event.js';

const entering: ContactEvent = { type: 'track', name: 'Cart Started', messageId: 'm-entry', properties: { cartId: 'cart-1' }, occurredAt: '2026-01-01T00:00:00Z' };
const orderOfTheCart: IrNode = {
  kind: 'wait-for-event',
  id: 'ordered',
  matcher: { event: 'Order Completed', filters: [] },
  matchEntryProperty: 'cartId',
  timeoutMs: 86_400_000,
  next: null,
  timedOut: null,
};
const aDay: IrNode = { kind: 'wait', id: 'a-day', durationMs: 86_400_000, next: 'ordered' };

let messages = 0;
const event = (name: string, properties: Record<string, unknown> = {}): ContactEvent => ({ type: 'track', name, messageId: `m-${++messages}`, properties, occurredAt: '2026-01-01T00:00:00Z' });
const order = (cartId = 'cart-1') => event('Order Completed', { cartId });

describe('AwaitedEvent: what a wait-for-event sees of the events a run received', () => {
  it('counts an awaited event from the arrival at the node, even one that came before the wait began', () => {
    const awaited = new AwaitedEvent(entering, orderOfTheCart);
    awaited.receive(order());
    expect(awaited.arrived(null)).toBe(true);
  });

  it('forgets events from before the arrival', () => {
    const awaited = new AwaitedEvent(entering, aDay);
    awaited.receive(order());
    awaited.arrive(orderOfTheCart);
    expect(awaited.arrived(null)).toBe(false);
    awaited.receive(order());
    expect(awaited.arrived(null)).toBe(true);
    awaited.arrive(aDay);
    expect(awaited.arrived(null)).toBe(false);
  });

  it('never takes the entry event, nor an event of another cart or name', () => {
    const awaited = new AwaitedEvent(entering, orderOfTheCart);
    awaited.receive({ ...entering, name: 'Order Completed' });
    awaited.receive(order('cart-2'));
    awaited.receive(event('Cart Started', { cartId: 'cart-1' }));
    expect(awaited.arrived(null)).toBe(false);
  });

  it('before the patch, an awaited event followed by 200 others was forgotten; after it, never', () => {
    const awaited = new AwaitedEvent(entering, orderOfTheCart);
    awaited.receive(order());
    for (let i = 0; i < 199; i++) awaited.receive(event('Page Viewed'));
    expect(awaited.arrived(200)).toBe(true);
    awaited.receive(event('Page Viewed'));
    expect(awaited.arrived(200)).toBe(false);
    expect(awaited.arrived(null)).toBe(true);
  });

  it('with a lookback of 200, agrees with the buffer of the first released interpreter at every step', () => {
    // The first interpreter's buffer, as it was: the last 200 events, searched from the arrival.
    const buffer: { seq: number; event: ContactEvent }[] = [];
    let seq = 0;
    let arrivedAt = 0;
    let node: IrNode = orderOfTheCart;
    const bufferSees = () => {
      if (node.kind !== 'wait-for-event') return false;
      const { matcher, matchEntryProperty } = node;
      return buffer.some((r) => r.seq > arrivedAt && r.event.messageId !== entering.messageId && eventMatches(matcher, r.event, { entry: entering, property: matchEntryProperty }));
    };

    const awaited = new AwaitedEvent(entering, node);
    let random = 7;
    const roll = (n: number) => (random = (random * 48_271) % 2_147_483_647) % n;
    for (let step = 0; step < 5_000; step++) {
      const dice = roll(1_000);
      if (dice < 3) {
        node = node === aDay ? orderOfTheCart : aDay;
        arrivedAt = seq;
        awaited.arrive(node);
      } else {
        const next = dice < 8 ? order() : dice < 10 ? order('cart-2') : dice < 11 ? { ...entering } : event('Page Viewed');
        buffer.push({ seq: ++seq, event: next });
        if (buffer.length > 200) buffer.shift();
        awaited.receive(next);
      }
      expect(awaited.arrived(200), `step ${step}`).toBe(bufferSees());
    }
  });
});
