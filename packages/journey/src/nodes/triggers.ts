import { z } from 'zod';
import { conditionSchema, propertyFilterSchema } from '../conditions-schema.js';
import { parseTimeOfDay } from '../ir/time.js';
import { segmentEnteredEvent } from '../ir/workflow-contract.js';
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
  description: 'Enters a contact when a track event with this name (and matching properties) arrives.',
  config: z.object({
    event: z.string().trim().min(1, 'name the track event, e.g. "Order Completed"'),
    filters: z.array(propertyFilterSchema).default([]),
  }),
  outputs: ['next'],
});


export const segmentTrigger = nodeSpec({
  type: 'trigger.segment',
  version: 1,
  category: 'trigger',
  title: 'Entered segment',
  description: `Enters a contact when they join a segment (a "${segmentEnteredEvent}" event with properties.segment).`,
  config: z.object({ segment: z.string().trim().min(1, 'name the segment') }),
  outputs: ['next'],
});

export const dateAttributeTrigger = nodeSpec({
  type: 'trigger.date-attribute',
  version: 1,
  category: 'trigger',
  title: 'Date on the profile',
  description: "Enters a contact N days before or after a date trait (birthday, renewal), at a time of day in the contact's zone.",
  config: z.object({
    attribute: z.string().trim().min(1, 'name the date trait, e.g. "birthday"'),
    /** Negative: before the date. */
    offsetDays: z.number().int('use whole days').default(0),
    time: z.string().refine((text) => parseTimeOfDay(text) !== null, 'use 24-hour "HH:MM", e.g. "09:00"').default('09:00'),
    /** Every year on the date (birthdays, anniversaries), or once. */
    recurring: z.boolean().default(false),
  }),
  outputs: ['next'],
});

export const scheduleTrigger = nodeSpec({
  type: 'trigger.schedule',
  version: 1,
  category: 'trigger',
  title: 'Schedule',
  description: "Enters everyone matching a condition on a recurring schedule (cron, in the workspace's zone).",
  config: z.object({
    cron: z
      .string()
      .trim()
      .regex(/^(\S+\s+){4}\S+$/, 'use a five-field cron expression, e.g. "0 9 * * 1" for Mondays at 09:00'),
    condition: conditionSchema.optional(),
  }),
  outputs: ['next'],
});
