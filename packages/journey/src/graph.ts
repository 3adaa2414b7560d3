import { z } from 'zod';
import { propertyFilterSchema } from './conditions-schema.js';
import { isValidTimeZone } from './ir/time.js';
import { durationSchema } from './nodes/duration.js';

/**
 * The draft graph: what the editor saves and what `tend` keeps as a file. It is React Flow's
 * own shape, and each node's `data` is that node's JSON config and nothing else.
 */
export const graphNodeSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  /** Integer version of the node type; old versions stay loadable. */
  version: z.number().int().positive().default(1),
  position: z.object({ x: z.number(), y: z.number() }).default({ x: 0, y: 0 }),
  data: z.record(z.string(), z.unknown()).default({}),
});

export const graphEdgeSchema = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  target: z.string().min(1),
  /** The output of the source node this edge leaves from; null means its only output. */
  sourceHandle: z.string().nullish(),
});

/** At most `count` marketing messages of one channel to a contact in any `perDays` days (a workspace's cap, or a journey's own). */
export const frequencyCapSchema = z.object({
  count: z.number({ error: 'the cap needs a number of messages' }).int('a whole number of messages').min(1, 'a cap allows at least 1 message'),
  perDays: z.number({ error: 'the cap needs a number of days' }).int('a whole number of days').min(1, 'the window is at least 1 day').max(365, 'the window is at most 365 days'),
});

/** 1 (lowest) to 10 (highest); 5 unless set. */
export const defaultJourneyPriority = 5;

export const journeySettingsSchema = z
  .object({
    /**
     * once-ever: a contact enters at most once; once-at-a-time: again after the previous run
     * ended; cooldown: again once `cooldown` passed since the last entry; restart: a new trigger
     * starts the contact over (e.g. "90 days since the last order").
     */
    reentry: z.enum(['once-ever', 'once-at-a-time', 'cooldown', 'restart']).default('once-at-a-time'),
    cooldown: durationSchema.optional(),
    /** Zone for "wait until" and date triggers when a contact has no valid `timezone` trait. */
    timeZone: z.string().refine(isValidTimeZone, 'use an IANA time zone, e.g. "Europe/Paris"').default('UTC'),
    /** Journey-wide exit criteria: any of these events ends the contact's run, wherever it is. */
    exitWhen: z
      .array(
        z.object({
          event: z.string().trim().min(1, 'name the event'),
          filters: z.array(propertyFilterSchema).default([]),
          /** Only an event carrying the entry event's value of this property exits (e.g. the same cartId). */
          matchEntryProperty: z.string().trim().min(1).optional(),
        }),
      )
      .default([]),
    /**
     * When journeys compete for a contact under a frequency cap, the higher priority's message
     * takes the free slot first (ties: the message that was due first), not arrival order.
     */
    priority: z
      .number({ error: 'priority is a whole number from 1 (lowest) to 10 (highest)' })
      .int('priority is a whole number from 1 (lowest) to 10 (highest)')
      .min(1, 'priority is at least 1 (lowest)')
      .max(10, 'priority is at most 10 (highest)')
      .default(defaultJourneyPriority),
    /** This journey's own caps per channel: they count only its marketing messages to the contact. None when absent. */
    caps: z
      .object({ email: frequencyCapSchema.optional(), sms: frequencyCapSchema.optional(), push: frequencyCapSchema.optional() })
      .optional(),
  })
  .refine((settings) => settings.reentry !== 'cooldown' || settings.cooldown, { message: 'set how long the cool-down lasts', path: ['cooldown'] });

export const lifecycleStages = ['acquisition', 'conversion', 'growth', 'retention', 'win-back'] as const;

export const journeyGraphSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes, e.g. "welcome-series"'),
  name: z.string().min(1),
  description: z.string().optional(),
  lifecycle: z.enum(lifecycleStages).optional(),
  settings: journeySettingsSchema.default({ reentry: 'once-at-a-time', timeZone: 'UTC', exitWhen: [], priority: defaultJourneyPriority }),
  nodes: z.array(graphNodeSchema),
  edges: z.array(graphEdgeSchema),
});

export type GraphNode = z.infer<typeof graphNodeSchema>;
export type GraphEdge = z.infer<typeof graphEdgeSchema>;
export type JourneyGraph = z.infer<typeof journeyGraphSchema>;
/** A graph as written by hand or by the editor, before defaults are applied. */
export type JourneyGraphInput = z.input<typeof journeyGraphSchema>;
