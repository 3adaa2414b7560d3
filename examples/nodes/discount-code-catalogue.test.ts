import { catalogueJson, validateJourney, type CatalogueEntry, type JourneyGraphInput, type Problem } from '@tend/journey';
import { nodeOutputs, specsFromCatalogue, summarizeNode } from '@tend/journey/editor';
import { describe, expect, it } from 'vitest';
import { discountCode } from './discount-code.js';

/** The custom node's catalogue entry as the browser receives it: through JSON. */
const entries: CatalogueEntry[] = JSON.parse(JSON.stringify(catalogueJson([discountCode])));
const entry = entries.find((candidate) => candidate.type === 'acme.discount-code')!;

function journey(config: Record<string, unknown>): JourneyGraphInput {
  return {
    id: 'discounts',
    name: 'Discounts',
    nodes: [
      { id: 'start', type: 'trigger.identify', data: {} },
      { id: 'code', type: 'acme.discount-code', data: config },
      { id: 'done', type: 'exit', data: {} },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'code' },
      { id: 'e2', source: 'code', target: 'done' },
    ],
  };
}

const where = (problems: Problem[]) => problems.map(({ nodeId, field }) => `${nodeId}.${field}`);

describe('a custom node in the browser, from its catalogue entry', () => {
  it('shows its own summary, outputs and defaults', () => {
    expect(entry).toMatchObject({ category: 'action', group: 'actions', outputs: [{ id: 'next', label: 'next' }], defaults: { prefix: 'WELCOME', percentOff: 10 } });
    expect(summarizeNode(entry, { prefix: 'VIP', percentOff: 20 })).toBe('Discount code VIP20-…, 20% off');
    expect(summarizeNode(entry, {})).toBe('Create discount code (no prefix set)');
    expect(nodeOutputs(entry, entry.type, {})).toEqual([{ id: 'next', label: 'next' }]);
  });

  it("validates like the node's own zod schema: the same good and bad configs, at the same fields", () => {
    const browser = { nodes: specsFromCatalogue(entries) };
    const server = { nodes: [discountCode] };
    expect(browser.nodes.map((spec) => spec.type)).toEqual(['acme.discount-code']);
    const configs = [
      { prefix: 'WELCOME', percentOff: 15 },
      { prefix: 'welcome', percentOff: 15 },
      { prefix: 'WELCOME', percentOff: 80 },
      { prefix: 'WELCOME', percentOff: 12.5 },
      { prefix: 'WELCOME' },
      {},
      { prefix: 7, percentOff: '15' },
    ];
    for (const config of configs) {
      const inBrowser = validateJourney(journey(config), browser);
      const onServer = validateJourney(journey(config), server);
      expect(inBrowser.ok, JSON.stringify(config)).toBe(onServer.ok);
      expect(where(inBrowser.problems), JSON.stringify(config)).toEqual(where(onServer.problems));
    }
    expect(validateJourney(journey(discountCode.defaults!), browser).ok).toBe(true);
  });
});
