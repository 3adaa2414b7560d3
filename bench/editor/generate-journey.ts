import type { JourneyGraphInput } from '@tend/journey';

/**
 * A long, valid journey of `size` nodes for the editor's figures: an event trigger, then a chain of
 * waits, emails and wait-for-event nodes whose "happened" side exits, laid out top to bottom.
 */
export function generatedJourney(id: string, size: number): JourneyGraphInput {
  const nodes: JourneyGraphInput['nodes'] = [{ id: 'start', type: 'trigger.event', position: { x: 0, y: 0 }, data: { event: 'Cart Started' } }];
  const edges: JourneyGraphInput['edges'] = [];
  let previous = 'start';
  let previousHandle: string | null = null;
  for (let index = 1; nodes.length < size - 1; index++) {
    const id = `step-${index}`;
    const y = index * 140;
    const kind = index % 3;
    if (kind === 0) {
      nodes.push({ id, type: 'wait-for-event', position: { x: 0, y }, data: { event: 'Order Completed', timeout: { amount: 1, unit: 'days' } } });
      nodes.push({ id: `${id}-done`, type: 'exit', position: { x: 320, y: y + 70 }, data: {} });
      edges.push({ id: `${id}-done-edge`, source: id, sourceHandle: 'happened', target: `${id}-done` });
    } else if (kind === 1) {
      nodes.push({ id, type: 'wait', position: { x: 0, y }, data: { amount: 1, unit: 'days' } });
    } else {
      nodes.push({ id, type: 'send-email', position: { x: 0, y }, data: { subject: `Reminder ${index}, {{ contact.firstName }}`, html: '<p>Your cart is waiting.</p>' } });
    }
    edges.push({ id: `edge-${index}`, source: previous, sourceHandle: previousHandle, target: id });
    previous = id;
    previousHandle = kind === 0 ? 'timed-out' : null;
  }
  nodes.push({ id: 'end', type: 'exit', position: { x: 0, y: nodes.length * 140 }, data: {} });
  edges.push({ id: 'edge-end', source: previous, sourceHandle: previousHandle, target: 'end' });
  return { id, name: `Generated ${size}-node journey`, nodes, edges };
}
