// The journeys section 4 runs. The shipped examples are used when they exist; the inline
// equivalents below stand in for a missing one and define the bench's own probes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '@tend/dev/testing';
import type { JourneyGraphInput } from '@tend/journey';

export interface BenchJourney {
  graph: JourneyGraphInput;
  /** Where the graph came from, for the notes: "examples/journeys/x.json" or "inline (bench)". */
  source: string;
}

const examplesDir = fileURLToPath(new URL('../examples/journeys/', import.meta.url));

/** Cart Started → wait for Order Completed with the same cartId, 4 h → happened: exit / timed-out: email → exit. */
const abandonedCartInline: JourneyGraphInput = {
  id: 'abandoned-cart',
  name: 'Abandoned cart',
  settings: { reentry: 'once-at-a-time' },
  nodes: [
    { id: 'cart-started', type: 'trigger.event', data: { event: 'Cart Started' } },
    { id: 'wait-for-order', type: 'wait-for-event', data: { event: 'Order Completed', matchEntryProperty: 'cartId', timeout: { amount: 4, unit: 'hours' } } },
    { id: 'ordered', type: 'exit' },
    { id: 'reminder-email', type: 'send-email', data: { subject: 'You left something in your cart', html: '<p>Your cart {{ event.properties.cartId }} is waiting.</p>' } },
    { id: 'done', type: 'exit' },
  ],
  edges: [
    { id: 'e1', source: 'cart-started', target: 'wait-for-order' },
    { id: 'e2', source: 'wait-for-order', sourceHandle: 'happened', target: 'ordered' },
    { id: 'e3', source: 'wait-for-order', sourceHandle: 'timed-out', target: 'reminder-email' },
    { id: 'e4', source: 'reminder-email', target: 'done' },
  ],
};

/** Order Completed (restart) → 90 days → split 90/10 holdout → email → 30 days → email → exit. */
const winBackInline: JourneyGraphInput = {
  id: 'win-back',
  name: 'Win-back',
  settings: { reentry: 'restart' },
  nodes: [
    { id: 'order-completed', type: 'trigger.event', data: { event: 'Order Completed' } },
    { id: 'ninety-days', type: 'wait', data: { amount: 90, unit: 'days' } },
    {
      id: 'holdout-split',
      type: 'split',
      data: {
        paths: [
          { id: 'treatment', label: 'treatment', percent: 90 },
          { id: 'holdout', label: 'holdout', percent: 10, holdout: true },
        ],
      },
    },
    { id: 'held-out', type: 'exit' },
    { id: 'offer-email', type: 'send-email', data: { subject: 'We miss you: 15% off', html: '<p>Come back: COMEBACK15.</p>' } },
    { id: 'thirty-days', type: 'wait', data: { amount: 30, unit: 'days' } },
    { id: 'last-chance-email', type: 'send-email', data: { subject: 'Last chance: 15% off', html: '<p>COMEBACK15 ends soon.</p>' } },
    { id: 'done', type: 'exit' },
  ],
  edges: [
    { id: 'e1', source: 'order-completed', target: 'ninety-days' },
    { id: 'e2', source: 'ninety-days', target: 'holdout-split' },
    { id: 'e3', source: 'holdout-split', sourceHandle: 'treatment', target: 'offer-email' },
    { id: 'e4', source: 'holdout-split', sourceHandle: 'holdout', target: 'held-out' },
    { id: 'e5', source: 'offer-email', target: 'thirty-days' },
    { id: 'e6', source: 'thirty-days', target: 'last-chance-email' },
    { id: 'e7', source: 'last-chance-email', target: 'done' },
  ],
};

/** Contacts that sit at a 30-day wait: the memory probe. */
export const waitingJourney: BenchJourney = {
  source: 'inline (bench)',
  graph: {
    id: 'bench-wait',
    name: 'Bench: wait 30 days',
    settings: { reentry: 'once-at-a-time' },
    nodes: [
      { id: 'entered', type: 'trigger.event', data: { event: 'Bench Wait' } },
      { id: 'thirty-days', type: 'wait', data: { amount: 30, unit: 'days' } },
      { id: 'done', type: 'exit' },
    ],
    edges: [
      { id: 'e1', source: 'entered', target: 'thirty-days' },
      { id: 'e2', source: 'thirty-days', target: 'done' },
    ],
  },
};

/** The least a journey run can be: trigger → exit. The history baseline. */
export const minimalJourney: BenchJourney = {
  source: 'inline (bench)',
  graph: {
    id: 'bench-minimal',
    name: 'Bench: trigger → exit',
    nodes: [
      { id: 'entered', type: 'trigger.event', data: { event: 'Bench Minimal' } },
      { id: 'done', type: 'exit' },
    ],
    edges: [{ id: 'e1', source: 'entered', target: 'done' }],
  },
};

export const abandonedCart = (): BenchJourney => example('abandoned-cart', abandonedCartInline);
export const winBack = (): BenchJourney => example('win-back', winBackInline);

/** The shipped example when it exists (another engineer may still be writing it), else the inline equivalent. */
function example(name: string, inline: JourneyGraphInput): BenchJourney {
  const path = join(examplesDir, `${name}.json`);
  if (!existsSync(path)) return { graph: inline, source: 'inline (bench; examples file absent)' };
  return { graph: JSON.parse(readFileSync(path, 'utf8')) as JourneyGraphInput, source: `examples/journeys/${name}.json` };
}

/** Writes the journey where `tend publish` can read it; returns the file's path. */
function journeyFile(journey: BenchJourney, dir: string): string {
  const path = join(dir, `${journey.graph.id}.json`);
  writeFileSync(path, JSON.stringify(journey.graph, null, 2));
  return path;
}

/** Publishes with `tend publish FILE --url`, as an operator would; throws with the CLI's words when refused. */
export async function publishWithCli(journey: BenchJourney, dir: string, url: string): Promise<string> {
  const published = await runCli(['publish', journeyFile(journey, dir), '--url', url]);
  if (published.code !== 0) throw new Error(`tend publish ${journey.graph.id} (${journey.source}) failed (${published.code}):\n${published.stdout}${published.stderr}`);
  return published.stdout.trim();
}
