import { createHash } from 'node:crypto';
import type { JourneyGraph } from './graph.js';
import type { IrNode, IrTrigger, JourneyIr } from './ir/types.js';
import { durationUnits } from './nodes/control.js';
import { findNodeSpec } from './nodes/catalogue.js';
import type { Problem } from './problem.js';
import { outputOf, validateJourney } from './validate.js';

export type CompileResult = { ok: true; ir: JourneyIr; hash: string } | { ok: false; problems: Problem[] };

/** Validates a draft graph and compiles it to the interpreter's IR, with a content hash. */
export function compileJourney(input: unknown): CompileResult {
  const validation = validateJourney(input);
  if (!validation.ok) return { ok: false, problems: validation.problems };
  const ir = toIr(validation.graph);
  return { ok: true, ir, hash: contentHash(ir) };
}

function toIr(graph: JourneyGraph): JourneyIr {
  const next = new Map<string, string>();
  for (const edge of graph.edges) {
    const source = graph.nodes.find((node) => node.id === edge.source)!;
    next.set(`${edge.source}:${outputOf(edge, findNodeSpec(source.type, source.version))}`, edge.target);
  }
  const nextOf = (id: string) => next.get(`${id}:next`) ?? null;
  const triggers: IrTrigger[] = [];
  const nodes: Record<string, IrNode> = {};
  for (const node of graph.nodes) {
    const spec = findNodeSpec(node.type, node.version)!;
    const config = spec.config.parse(node.data) as Record<string, unknown>;
    if (node.type === 'trigger.identify') {
      triggers.push({ nodeId: node.id, kind: 'identify', onlyNewContacts: config.onlyNewContacts as boolean, next: nextOf(node.id) });
    } else if (node.type === 'trigger.event') {
      triggers.push({ nodeId: node.id, kind: 'event', event: config.event as string, next: nextOf(node.id) });
    } else if (node.type === 'wait') {
      const unit = config.unit as keyof typeof durationUnits;
      nodes[node.id] = { kind: 'wait', id: node.id, durationMs: Math.round((config.amount as number) * durationUnits[unit]), next: nextOf(node.id) };
    } else if (node.type === 'exit') {
      nodes[node.id] = { kind: 'exit', id: node.id };
    } else {
      nodes[node.id] = { kind: 'action', id: node.id, type: node.type, version: node.version, config, next: nextOf(node.id) };
    }
  }
  // The order of nodes in the file is not content: sort so it cannot change the hash.
  triggers.sort((a, b) => (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0));
  return { format: 1, journeyId: graph.id, name: graph.name, reentry: graph.settings.reentry, triggers, nodes };
}

/** sha256 over canonical JSON (sorted keys), so the same journey always hashes the same. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
