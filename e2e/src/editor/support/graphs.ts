import type { JourneyGraphInput } from '@tend/journey';
import { journey } from '../../support/journeys.js';

type Spec = Parameters<typeof journey>[1];

/**
 * A journey written compactly (see support/journeys.ts) with a name, and its steps placed one
 * under the other, so the canvas draws them apart as a marketer's saved journey would be.
 */
export function editorJourney(id: string, name: string, spec: Spec): JourneyGraphInput {
  const graph = journey(id, spec);
  return { ...graph, name, nodes: graph.nodes.map((node, index) => ({ ...node, position: { x: 0, y: index * 160 } })) };
}
