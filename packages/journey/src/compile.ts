import { createHash } from 'node:crypto';
import { defaultJourneyPriority, type JourneyGraph } from './graph.js';
import type { IrGoal, IrNode, IrTrigger, JourneyIr } from './ir/types.js';
import { nodeLookup, type NodeLookup } from './nodes/catalogue.js';
import { durationMs } from './nodes/duration.js';
import { outputsOf, type CompileContext, type NodeSpec } from './nodes/node-spec.js';
import type { Problem } from './problem.js';
import { outputOf, validateJourney, type ValidationOptions } from './validate.js';

export type CompileResult = { ok: true; ir: JourneyIr; hash: string } | { ok: false; problems: Problem[] };

/** Validates a draft graph and compiles it to the interpreter's IR, with a content hash. */
export function compileJourney(input: unknown, options: ValidationOptions = {}): CompileResult {
  const validation = validateJourney(input, options);
  if (!validation.ok) return { ok: false, problems: validation.problems };
  const ir = toIr(validation.graph, nodeLookup(options.nodes));
  return { ok: true, ir, hash: contentHash(ir) };
}

function toIr(graph: JourneyGraph, findNodeSpec: NodeLookup): JourneyIr {
  // Validation found every spec and parsed every config: this only repeats its lookups.
  const specs = new Map(graph.nodes.map((node) => [node.id, findNodeSpec(node.type, node.version)!]));
  const configs = new Map(graph.nodes.map((node) => [node.id, specs.get(node.id)!.config.parse(node.data) as Record<string, unknown>]));
  const next = new Map<string, string>();
  for (const edge of graph.edges) {
    const output = outputOf(edge, { spec: specs.get(edge.source)!, config: configs.get(edge.source)! });
    next.set(`${edge.source}:${output}`, edge.target);
  }

  const triggers: IrTrigger[] = [];
  const nodes: Record<string, IrNode> = {};
  const goals: IrGoal[] = [];
  for (const node of graph.nodes) {
    const spec = specs.get(node.id)!;
    const config = configs.get(node.id)!;
    const context: CompileContext = { id: node.id, type: node.type, version: node.version, to: (output = 'next') => next.get(`${node.id}:${output}`) ?? null };
    const compiled = spec.compile ? spec.compile(config, context) : { node: actionNode(spec, config, context) };
    if ('trigger' in compiled) triggers.push(compiled.trigger);
    else {
      nodes[node.id] = compiled.node;
      if (compiled.goal) goals.push(compiled.goal);
    }
  }
  const settings = graph.settings;
  const exitWhen = settings.exitWhen as JourneyIr['exitWhen'];
  const waits = Object.values(nodes).flatMap((node) => (node.kind === 'wait-for-event' ? [node.matcher.event] : []));
  const listensTo = [...new Set([...waits, ...goals.map((goal) => goal.matcher.event), ...exitWhen.map((exit) => exit.event)])].sort();
  // The order of nodes in the file is not content: sort so it cannot change the hash.
  triggers.sort((a, b) => (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0));
  goals.sort((a, b) => (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0));
  const caps = capsOf(settings.caps);
  return {
    format: 1,
    journeyId: graph.id,
    name: graph.name,
    reentry: settings.reentry,
    cooldownMs: settings.reentry === 'cooldown' && settings.cooldown ? durationMs(settings.cooldown) : null,
    timeZone: settings.timeZone,
    triggers,
    nodes,
    goals,
    exitWhen,
    listensTo,
    // Only when set otherwise than the default: an unchanged journey keeps its hash, so
    // publishing it again is still "unchanged" rather than a new version.
    ...(settings.priority !== defaultJourneyPriority ? { priority: settings.priority } : {}),
    ...(caps ? { caps } : {}),
  };
}

/** The journey's caps without the channels it leaves uncapped; undefined when none is capped. */
function capsOf(caps: JourneyGraph['settings']['caps']): JourneyIr['caps'] {
  const set = Object.entries(caps ?? {}).filter(([, cap]) => cap !== undefined);
  return set.length > 0 ? (Object.fromEntries(set) as JourneyIr['caps']) : undefined;
}

/** An action runs in the worker by type and version, with its parsed config and where each output leads. */
function actionNode(spec: NodeSpec, config: Record<string, unknown>, { id, type, version, to }: CompileContext): IrNode {
  const outputs = Object.fromEntries(outputsOf(spec, config).map((output) => [output, to(output)]));
  return { kind: 'action', id, type, version, config, outputs };
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
