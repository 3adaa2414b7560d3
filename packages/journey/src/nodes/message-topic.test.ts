import { describe, expect, it } from 'vitest';
import type { JourneyGraphInput } from '../graph.js';
import { validateJourney } from '../validate.js';

function sendingOn(type: 'send-email' | 'send-sms' | 'send-push', data: Record<string, unknown>): JourneyGraphInput {
  return {
    id: 'offers',
    name: 'Offers',
    nodes: [
      { id: 'in', type: 'trigger.event', data: { event: 'Joined' } },
      { id: 'send', type, data },
      { id: 'out', type: 'exit' },
    ],
    edges: [
      { id: 'a', source: 'in', target: 'send' },
      { id: 'b', source: 'send', target: 'out' },
    ],
  };
}

const content = {
  'send-email': { subject: 'Sale', html: '<p>Sale</p>' },
  'send-sms': { body: 'Sale' },
  'send-push': { title: 'Sale', body: 'Half price' },
} as const;

describe('a message’s subscription topic', () => {
  it.each(['send-email', 'send-sms', 'send-push'] as const)('%s must name one of the workspace’s topics: a typo would reach contacts who unsubscribed', (type) => {
    const topics = ['offers', 'product-news'];
    expect(validateJourney(sendingOn(type, { ...content[type], topic: 'offers' }), { topics }).ok).toBe(true);
    expect(validateJourney(sendingOn(type, { ...content[type] }), { topics }).ok).toBe(true); // the channel's marketing as a whole
    expect(validateJourney(sendingOn(type, { ...content[type], topic: 'offres' }), { topics }).problems).toEqual([
      { nodeId: 'send', field: 'topic', message: 'there is no topic "offres": choose one of "offers", "product-news", or add it under Messaging → Topics' },
    ]);
  });

  it('says to add one first when the workspace has none, and is not checked offline', () => {
    expect(validateJourney(sendingOn('send-sms', { body: 'Sale', topic: 'offers' }), { topics: [] }).problems).toEqual([
      { nodeId: 'send', field: 'topic', message: 'there is no topic "offers": add it under Messaging → Topics first' },
    ]);
    expect(validateJourney(sendingOn('send-sms', { body: 'Sale', topic: 'offers' })).ok).toBe(true);
  });
});
