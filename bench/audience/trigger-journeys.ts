import type { JourneyGraphInput } from '@tend/journey';
import type { Condition } from '@tend/journey/ir';

/** The segment a contact enters with their second order. */
export const repeatBuyers = {
  id: 'bench-repeat-buyers',
  name: 'Bench: 2+ orders in 30 days',
  definition: { kind: 'event-count', event: 'Order Completed', filters: [], atLeast: 2, withinDays: 30 } satisfies Condition,
};

/** Entered segment → exit: the least a segment-entry journey can be. */
export const segmentEntryJourney: JourneyGraphInput = {
  id: 'bench-segment-entry',
  name: 'Bench: entered 2+ orders in 30 days',
  nodes: [
    { id: 'entered', type: 'trigger.segment', data: { segment: repeatBuyers.id } },
    { id: 'done', type: 'exit' },
  ],
  edges: [{ id: 'e1', source: 'entered', target: 'done' }],
};

/** Event happened → exit, entered by the same second order (its `nth` property is 2): the baseline. */
export const secondOrderJourney: JourneyGraphInput = {
  id: 'bench-second-order',
  name: 'Bench: second order',
  nodes: [
    { id: 'ordered', type: 'trigger.event', data: { event: 'Order Completed', filters: [{ property: 'nth', op: 'eq', value: 2 }] } },
    { id: 'done', type: 'exit' },
  ],
  edges: [{ id: 'e1', source: 'ordered', target: 'done' }],
};
