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
  // The config's default is true: only the identify call that creates the contact counts.
  summary: '{% if onlyNewContacts == false %}When a contact is identified{% else %}When a contact is identified (new contacts only){% endif %}',
  defaults: { onlyNewContacts: true },
  compile: (config, { id, to }) => ({ trigger: { nodeId: id, kind: 'identify', onlyNewContacts: config.onlyNewContacts, next: to() } }),
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
  summary: [
    '{% assign name = event | text %}{% assign n = filters | count %}',
    '{% if name %}When {{ name }} happens{% if n > 0 %} ({{ n | plural: "filter" }}){% endif %}',
    '{% else %}When an event happens (no event named){% endif %}',
  ].join(''),
  ui: { event: 'event-name', filters: 'property-filters' },
  defaults: { event: '', filters: [] },
  compile: (config, { id, to }) => ({ trigger: { nodeId: id, kind: 'event', event: config.event, filters: config.filters, next: to() } }),
});


export const segmentTrigger = nodeSpec({
  type: 'trigger.segment',
  version: 1,
  category: 'trigger',
  title: 'Entered segment',
  description: `Enters a contact when they join a segment (a "${segmentEnteredEvent}" event with properties.segment).`,
  config: z.object({ segment: z.string().trim().min(1, 'name the segment') }),
  outputs: ['next'],
  summary: '{% assign name = segment | text %}{% if name %}When they enter segment {{ name }}{% else %}When they enter a segment (no segment named){% endif %}',
  defaults: { segment: '' },
  compile: (config, { id, to }) => ({ trigger: { nodeId: id, kind: 'segment', segment: config.segment, next: to() } }),
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
  // "7 days before birthday at 09:00", "On renewal_date at 08:30, every year"; the schema's defaults fill the gaps.
  summary: [
    '{% assign name = attribute | text %}{% assign offset = offsetDays | number | default: 0 %}{% assign at = time | text | default: "09:00" %}',
    '{% if name %}',
    '{% if offset == 0 %}On {{ name }}{% else %}{{ offset | abs | plural: "day" }} {% if offset < 0 %}before{% else %}after{% endif %} {{ name }}{% endif %}',
    ' at {{ at }}{% if recurring == true %}, every year{% endif %}',
    '{% else %}On a date on the profile (no date trait named){% endif %}',
  ].join(''),
  ui: { attribute: 'trait-name', time: 'time-of-day' },
  defaults: { attribute: '', offsetDays: 0, time: '09:00', recurring: false },
  compile: (config, { id, to }) => ({
    trigger: { nodeId: id, kind: 'date-attribute', attribute: config.attribute, offsetDays: config.offsetDays, time: config.time, recurring: config.recurring, next: to() },
  }),
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
  summary: [
    '{% assign expression = cron | text %}',
    '{% if expression %}Schedule {{ expression }}{% if condition %} (contacts matching a condition){% endif %}',
    '{% else %}On a schedule (no cron expression set){% endif %}',
  ].join(''),
  ui: { cron: 'cron', condition: 'condition' },
  defaults: { cron: '0 9 * * 1' },
  compile: (config, { id, to }) => ({ trigger: { nodeId: id, kind: 'schedule', cron: config.cron, condition: config.condition ?? null, next: to() } }),
});
