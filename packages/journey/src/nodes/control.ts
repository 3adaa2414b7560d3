import { z } from 'zod';
import { conditionSchema, propertyFilterSchema } from '../conditions-schema.js';
import { parseTimeOfDay } from '../ir/time.js';
import { durationSchema } from './duration.js';
import { nodeSpec } from './node-spec.js';

export { durationUnits } from './duration.js';

const timeOfDay = z.string().refine((text) => parseTimeOfDay(text) !== null, 'use 24-hour "HH:MM", e.g. "09:00"');
const outputId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes');

export const waitNode = nodeSpec({
  type: 'wait',
  version: 1,
  category: 'control',
  title: 'Wait',
  description: 'Holds the contact for a fixed time before the next step. Any length: minutes or a year.',
  config: durationSchema,
  outputs: ['next'],
});

export const waitUntilNode = nodeSpec({
  type: 'wait-until',
  version: 1,
  category: 'control',
  title: 'Wait until',
  description: "Holds the contact until a time of day (and optionally weekdays) in the contact's time zone.",
  config: z.object({
    time: timeOfDay,
    /** 0 = Sunday … 6 = Saturday; empty means any day. */
    weekdays: z.array(z.number().int().min(0, 'weekdays run 0 (Sunday) to 6').max(6, 'weekdays run 0 (Sunday) to 6')).default([]),
  }),
  outputs: ['next'],
});

export const waitForEventNode = nodeSpec({
  type: 'wait-for-event',
  version: 1,
  category: 'control',
  title: 'Wait for event',
  description: 'Waits for the contact to do something, up to a time limit: "happened" or "timed-out".',
  config: z.object({
    event: z.string().trim().min(1, 'name the event to wait for, e.g. "Order Completed"'),
    filters: z.array(propertyFilterSchema).default([]),
    /** The awaited event must carry the same value of this property as the entry event (e.g. cartId). */
    matchEntryProperty: z.string().trim().min(1).optional(),
    timeout: durationSchema.optional(),
  }),
  outputs: ['happened', 'timed-out'],
});

export const branchNode = nodeSpec({
  type: 'branch',
  version: 1,
  category: 'control',
  title: 'Branch',
  description: 'Sends the contact down the first case whose condition holds, else down "else".',
  config: z.object({
    cases: z
      .array(z.object({ id: outputId, label: z.string().min(1, 'name this case'), condition: conditionSchema }))
      .min(1, 'add at least one case')
      .refine((cases) => new Set(cases.map((c) => c.id)).size === cases.length, 'two cases share an id'),
  }),
  outputs: (config) => [...config.cases.map((c) => c.id), 'else'],
});

export const splitNode = nodeSpec({
  type: 'split',
  version: 1,
  category: 'control',
  title: 'Random split',
  description: 'Sends each contact down one path at random, by percentage; a holdout path sends nothing and is still measured.',
  config: z.object({
    paths: z
      .array(
        z.object({
          id: outputId,
          label: z.string().min(1, 'name this path'),
          percent: z.number().positive('a path needs more than 0%: remove it instead').max(100),
          holdout: z.boolean().default(false),
        }),
      )
      .min(2, 'a split needs at least two paths')
      .refine((paths) => new Set(paths.map((p) => p.id)).size === paths.length, 'two paths share an id')
      .refine((paths) => Math.abs(paths.reduce((sum, p) => sum + p.percent, 0) - 100) < 1e-9, 'the percentages must add up to 100'),
  }),
  outputs: (config) => config.paths.map((p) => p.id),
});

export const goalNode = nodeSpec({
  type: 'goal',
  version: 1,
  category: 'control',
  title: 'Goal',
  description: 'A conversion: when the event happens within the window, the contact is recorded as converted and jumps here.',
  config: z.object({
    event: z.string().trim().min(1, 'name the conversion event, e.g. "Order Completed"'),
    filters: z.array(propertyFilterSchema).default([]),
    /** How long after entering the journey a conversion counts; absent = while in the journey. */
    window: durationSchema.optional(),
  }),
  outputs: ['next'],
});

export const exitNode = nodeSpec({
  type: 'exit',
  version: 1,
  category: 'control',
  title: 'Exit',
  description: 'The contact leaves the journey.',
  config: z.object({}),
  outputs: [],
});

export { conditionSchema };
