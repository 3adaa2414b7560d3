import type { JourneyGraphInput } from '@tend/journey/editor';

/** A removed node where contacts may be waiting now, and where they go if they move. */
export interface WaitingMove {
  nodeId: string;
  /** The draft node they move to; null until one is chosen (there was no default). */
  to: string | null;
}

/**
 * The removed nodes contacts can be waiting at, each with a default target: the first node
 * after it in the live graph (breadth first) that the draft still
 * has and that is a wait. Only contacts at a wait move, and only to a wait: the engine keeps
 * anyone else on the version they entered (workflows/src/journey.ts).
 */
export function defaultMoves(
  live: JourneyGraphInput,
  draft: JourneyGraphInput,
  removedIds: readonly string[],
  isWait: (type: string) => boolean,
): WaitingMove[] {
  const liveType = new Map(live.nodes.map((node) => [node.id, node.type]));
  const draftWaits = new Set(draft.nodes.filter((node) => isWait(node.type)).map((node) => node.id));
  return removedIds
    .filter((id) => isWait(liveType.get(id) ?? ''))
    .map((nodeId) => ({ nodeId, to: firstSuccessor(live, nodeId, (id) => draftWaits.has(id)) }));
}

function firstSuccessor(graph: JourneyGraphInput, from: string, accept: (id: string) => boolean): string | null {
  const seen = new Set([from]);
  const queue = [from];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    for (const edge of graph.edges) {
      if (edge.source !== current || seen.has(edge.target)) continue;
      if (accept(edge.target)) return edge.target;
      seen.add(edge.target);
      queue.push(edge.target);
    }
  }
  return null;
}

/** The `nodeMap` publish takes, or the first removed node still without a target. */
export function toNodeMap(moves: readonly WaitingMove[]): { ok: true; nodeMap: Record<string, string> } | { ok: false; missing: string } {
  const nodeMap: Record<string, string> = {};
  for (const move of moves) {
    if (move.to === null) return { ok: false, missing: move.nodeId };
    nodeMap[move.nodeId] = move.to;
  }
  return { ok: true, nodeMap };
}
