import { z } from 'zod';
import { conditionSchema, propertyFilterSchema } from '../conditions-schema.js';
import { parseTimeOfDay, type Weekday } from '../ir/time.js';
import { draftOutputs } from './draft-outputs.js';
import { durationMs, durationSchema } from './duration.js';
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
  group: 'waits',
  config: durationSchema,
  outputs: ['next'],
  summary: '{% assign length = config | duration %}{% if length %}Wait {{ length }}{% else %}Wait (no duration set){% endif %}',
  ui: { '': 'duration' },
  defaults: { amount: 1, unit: 'days' },
  compile: (config, { id, to }) => ({ node: { kind: 'wait', id, durationMs: durationMs(config), next: to() } }),
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
  group: 'waits',
  outputs: ['next'],
  summary: [
    '{% assign at = time | text %}{% assign days = weekdays | weekdays %}',
    '{% if at %}Wait until {{ at }}{% if days %} {{ days }}{% endif %}{% else %}Wait until a time of day (no time set){% endif %}',
  ].join(''),
  ui: { time: 'time-of-day', weekdays: 'weekdays' },
  defaults: { time: '09:00', weekdays: [] },
  compile: (config, { id, to }) => ({
    node: { kind: 'wait-until', id, time: config.time, weekdays: [...new Set(config.weekdays as Weekday[])].sort(), next: to() },
  }),
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
  group: 'waits',
  outputs: ['happened', 'timed-out'],
  outputLabels: { 'timed-out': 'timed out' },
  summary: [
    '{% assign name = event | text %}{% assign limit = timeout | duration %}{% assign same = matchEntryProperty | text %}{% assign n = filters | count %}',
    '{% capture what %}{% if name %}{{ name }}{% else %}an event (no event named){% endif %}',
    '{% if same or n > 0 %} ({% if same %}same {{ same }}{% if n > 0 %}, {% endif %}{% endif %}{% if n > 0 %}{{ n | plural: "filter" }}{% endif %}){% endif %}{% endcapture %}',
    '{% if limit %}Wait up to {{ limit }} for {{ what }}{% else %}Wait for {{ what }} (no time limit set){% endif %}',
  ].join(''),
  ui: { event: 'event-name', filters: 'property-filters', matchEntryProperty: 'property-name', timeout: 'duration' },
  defaults: { event: '', filters: [], timeout: { amount: 3, unit: 'days' } },
  compile: (config, { id, to }) => ({
    node: {
      kind: 'wait-for-event',
      id,
      matcher: { event: config.event, filters: config.filters },
      matchEntryProperty: config.matchEntryProperty ?? null,
      // Publish refuses a wait-for-event without a timeout (see validate.ts).
      timeoutMs: durationMs(config.timeout!),
      next: to('happened'),
      timedOut: to('timed-out'),
    },
  }),
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
  draftOutputs: (config) => [...draftOutputs(config.cases, (entry, id) => entry.label || id), { id: 'else', label: 'else' }],
  summary: '{% assign n = cases | count %}{% if n == 0 %}Branch: no cases yet, everyone goes to else{% else %}Branch: {{ n | plural: "case" }} + else{% endif %}',
  ui: { 'cases[].id': 'hidden', 'cases[].condition': 'condition' },
  defaults: { cases: [{ id: 'case-1', label: 'Case 1', condition: { kind: 'attribute', attribute: '', op: 'exists' } }] },
  compile: (config, { id, to }) => ({
    node: {
      kind: 'branch',
      id,
      cases: config.cases.map((c) => ({ id: c.id, label: c.label, condition: c.condition, next: to(c.id) })),
      otherwise: to('else'),
    },
  }),
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
  draftOutputs: (config) =>
    draftOutputs(config.paths, (entry, id) => {
      const name = entry.label || id;
      return typeof entry.percent === 'number' ? `${name} · ${entry.percent}%` : name;
    }),
  summary: [
    '{% assign n = paths | count %}{% if n == 0 %}Split (no paths yet){% else %}Split: ',
    '{% for path in paths %}{% unless forloop.first %} · {% endunless %}',
    '{% assign name = path.label | text %}{% unless name %}{% assign name = path.id | text | default: "unnamed path" %}{% endunless %}{{ name }}',
    '{% assign share = path.percent | number %}{% if share != "" %} {{ share }}%{% endif %}{% if path.holdout == true %} (holdout){% endif %}',
    '{% endfor %}{% endif %}',
  ].join(''),
  ui: { 'paths[].id': 'hidden' },
  defaults: {
    paths: [
      { id: 'a', label: 'A', percent: 50, holdout: false },
      { id: 'b', label: 'B', percent: 50, holdout: false },
    ],
  },
  compile: (config, { id, to }) => ({
    node: {
      kind: 'split',
      id,
      paths: config.paths.map((p) => ({ id: p.id, label: p.label, percent: p.percent, holdout: p.holdout, next: to(p.id) })),
    },
  }),
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
  summary: [
    '{% assign name = event | text %}{% assign n = filters | count %}{% assign within = window | duration %}',
    '{% if name %}Goal: {{ name }}{% if n > 0 %} ({{ n | plural: "filter" }}){% endif %} {% if within %}within {{ within }}{% else %}while in the journey{% endif %}',
    '{% else %}Goal (no conversion event named){% endif %}',
  ].join(''),
  ui: { event: 'event-name', filters: 'property-filters', window: 'duration' },
  defaults: { event: '', filters: [] },
  compile: (config, { id, to }) => ({
    node: { kind: 'goal', id, next: to() },
    goal: { nodeId: id, matcher: { event: config.event, filters: config.filters }, windowMs: config.window ? durationMs(config.window) : null },
  }),
});

export const exitNode = nodeSpec({
  type: 'exit',
  version: 1,
  category: 'control',
  title: 'Exit',
  description: 'The contact leaves the journey.',
  config: z.object({}),
  outputs: [],
  summary: 'The contact leaves the journey',
  defaults: {},
  compile: (_config, { id }) => ({ node: { kind: 'exit', id } }),
});

export { conditionSchema };
