import { z } from 'zod';
import { nodeSpec } from './node-spec.js';

export const durationUnits = {
  seconds: 1_000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
  weeks: 604_800_000,
} as const;

export const waitNode = nodeSpec({
  type: 'wait',
  version: 1,
  category: 'control',
  title: 'Wait',
  description: 'Holds the contact for a fixed time before the next step.',
  config: z.object({
    amount: z.number().positive('wait a positive amount of time'),
    unit: z.enum(Object.keys(durationUnits) as [keyof typeof durationUnits]),
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
