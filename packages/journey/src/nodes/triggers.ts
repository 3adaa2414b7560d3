import { z } from 'zod';
import { nodeSpec } from './node-spec.js';

export const identifyTrigger = nodeSpec({
  type: 'trigger.identify',
  version: 1,
  category: 'trigger',
  title: 'Contact identified',
  description: 'Enters a contact when an identify call arrives for them.',
  config: z.object({
    /** Only the identify call that creates the contact enters it (a sign-up). */
    onlyNewContacts: z.boolean().default(true),
  }),
  outputs: ['next'],
});

export const eventTrigger = nodeSpec({
  type: 'trigger.event',
  version: 1,
  category: 'trigger',
  title: 'Event happened',
  description: 'Enters a contact when a track event with this name arrives.',
  config: z.object({
    event: z.string().trim().min(1, 'name the track event, e.g. "Order Completed"'),
  }),
  outputs: ['next'],
});
