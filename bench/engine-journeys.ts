// The journeys section 4 runs: the shipped examples, and the bench's own probes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exampleJourney, runCli } from '@tend/e2e/harness';
import type { JourneyGraphInput } from '@tend/journey';

export interface BenchJourney {
  graph: JourneyGraphInput;
  /** Where the graph came from, for the notes: "examples/journeys/x.json" or "inline (bench)". */
  source: string;
}

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

export const abandonedCart = (): BenchJourney => example('abandoned-cart');
export const winBack = (): BenchJourney => example('win-back');

/** A shipped example, as a marketer would publish it. */
function example(name: string): BenchJourney {
  return { graph: exampleJourney(name), source: `examples/journeys/${name}.json` };
}

/** Writes the journey where `tend publish` can read it; returns the file's path. */
function journeyFile(journey: BenchJourney, dir: string): string {
  const path = join(dir, `${journey.graph.id}.json`);
  writeFileSync(path, JSON.stringify(journey.graph, null, 2));
  return path;
}

/** Publishes with `tend publish FILE --url`, as an operator would; throws with the CLI's words when refused. */
export async function publishWithCli(journey: BenchJourney, dir: string, tend: { url: string; cliEnv: Record<string, string> }): Promise<string> {
  const published = await runCli(['publish', journeyFile(journey, dir), '--url', tend.url], tend.cliEnv);
  if (published.code !== 0) throw new Error(`tend publish ${journey.graph.id} (${journey.source}) failed (${published.code}):\n${published.stdout}${published.stderr}`);
  return published.stdout.trim();
}
