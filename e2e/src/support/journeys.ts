import { readFileSync } from 'node:fs';
import type { JourneyGraphInput } from '@tend/journey';

/** Reads a journey from examples/journeys, as a marketer would publish it. */
export function exampleJourney(name: string): JourneyGraphInput {
  return JSON.parse(readFileSync(new URL(`../../../examples/journeys/${name}.json`, import.meta.url), 'utf8')) as JourneyGraphInput;
}

type NodeSpec = [type: string, data?: Record<string, unknown>];

/**
 * A draft graph written compactly: nodes by id, edges as "from -> to" or "from:output -> to".
 * Positions do not matter to the engine, so every node sits at the origin.
 */
export function journey(
  id: string,
  spec: { settings?: Record<string, unknown>; nodes: Record<string, NodeSpec>; edges: string[] },
): JourneyGraphInput {
  return {
    id,
    name: id,
    ...(spec.settings ? { settings: spec.settings as JourneyGraphInput['settings'] } : {}),
    nodes: Object.entries(spec.nodes).map(([nodeId, [type, data = {}]]) => ({ id: nodeId, type, data })),
    edges: spec.edges.map((edge) => {
      const [from, to] = edge.split('->').map((part) => part.trim()) as [string, string];
      const [source, sourceHandle] = from.split(':') as [string, string | undefined];
      return { id: edge, source, target: to, ...(sourceHandle ? { sourceHandle } : {}) };
    }),
  };
}

/** An email node whose subject says which step sent it. */
export function email(subject: string): NodeSpec {
  return ['send-email', { subject, html: `<p>${subject}</p>` }];
}

/** Where an email's links lead, whether or not click tracking wraps them (its `u` parameter). */
export function linkTargets(html: string): string[] {
  return [...html.matchAll(/href="([^"]+)"/g)].map(([, href]) => {
    const url = new URL(href!.replace(/&amp;/g, '&'));
    return url.pathname.startsWith('/t/c/') ? (url.searchParams.get('u') ?? href!) : href!;
  });
}
