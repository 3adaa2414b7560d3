import type { z } from 'zod';
import { parseFetchAllowlist, type FetchAllowlist } from './fetch-target/allowlist.js';
import { refusedUrl } from './fetch-target/refusal.js';
import { journeyGraphSchema, type GraphEdge, type GraphNode, type JourneyGraph } from './graph.js';
import { nodeLookup, type NodeLookup } from './nodes/catalogue.js';
import { outputsOf, type NodeSpec } from './nodes/node-spec.js';
import type { Problem } from './problem.js';
import { secretProblems } from './secret-problems.js';
import { templateError } from './templates.js';

export type ValidationResult =
  | { ok: true; graph: JourneyGraph; problems: [] }
  | { ok: false; graph?: JourneyGraph; problems: Problem[] };

export interface ValidationOptions {
  /** Custom action nodes this server knows (TEND_NODES), besides the built-in ones. */
  nodes?: readonly NodeSpec[];
  /** Channels the server can send on; an action on any other is refused. Absent: not checked (offline). */
  channels?: readonly string[];
  /**
   * Internal targets the server may fetch (TEND_FETCH_ALLOW). Absent: none, so a webhook to a
   * literal internal address, localhost or a metadata name is refused: a caller that does not
   * pass the list fails closed. The guard at send has the last word either way.
   */
  fetchAllowlist?: FetchAllowlist;
  /**
   * The names of the workspace's secrets: a header reading another is refused. Absent: not
   * checked (offline, as the CLI validates); the worker still fails a call whose secret is missing.
   */
  secretNames?: readonly string[];
  /**
   * The workspace's email templates and whether each has a live version: a node naming another,
   * or one not published, is refused. Absent: not checked (offline); a send then skips it.
   */
  templates?: readonly { id: string; live: boolean }[];
  /**
   * The ids of the workspace's subscription topics: a message naming another is refused (its
   * unsubscribes would not reach it: a contact opted out of "offers" would still get "offres").
   * Absent: not checked (offline).
   */
  topics?: readonly string[];
}

const noInternalTargets = parseFetchAllowlist([]);

/** Node types that hold a contact for a while: a loop through one of them cannot spin. */
const waitingTypes = new Set(['wait', 'wait-until', 'wait-for-event']);

interface Checked {
  node: GraphNode;
  spec: NodeSpec;
  config: Record<string, unknown>;
}

/** Every reason this journey cannot run, each naming its node and field. Never throws. */
export function validateJourney(input: unknown, options: ValidationOptions = {}): ValidationResult {
  const parsed = journeyGraphSchema.safeParse(input);
  const findNodeSpec = nodeLookup(options.nodes);
  if (!parsed.success) {
    // A journey-wide mistake (a bad id, a cool-down without a length) must not hide the nodes'
    // own problems: the editor shows every one of them at once.
    const problems = fileProblems(parsed.error, input);
    const nodesAndEdges = parsed.error.issues.every((issue) => issue.path[0] !== 'nodes' && issue.path[0] !== 'edges') ? withoutJourneyFields(input) : null;
    if (nodesAndEdges) {
      const { checked, problems: ofNodes } = nodeProblems(nodesAndEdges, options, findNodeSpec);
      problems.push(...ofNodes, ...edgeProblems(nodesAndEdges, checked, findNodeSpec));
    }
    return { ok: false, problems };
  }
  const graph = parsed.data;
  const { checked, problems } = nodeProblems(graph, options, findNodeSpec);
  problems.push(...edgeProblems(graph, checked, findNodeSpec));
  if (problems.length === 0) problems.push(...shapeProblems(graph, findNodeSpec));
  return problems.length === 0 ? { ok: true, graph, problems: [] } : { ok: false, graph, problems };
}

/** The graph's nodes and edges read with placeholder journey fields, when only those were wrong. */
function withoutJourneyFields(input: unknown): JourneyGraph | null {
  if (typeof input !== 'object' || input === null) return null;
  const parsed = journeyGraphSchema.safeParse({ ...input, id: 'draft', name: 'draft', description: undefined, lifecycle: undefined, settings: undefined });
  return parsed.success ? parsed.data : null;
}

function fileProblems(error: z.ZodError, input: unknown): Problem[] {
  const nodes = (input as { nodes?: { id?: unknown }[] } | null)?.nodes;
  return error.issues.map((issue) => {
    const [head, index, ...rest] = issue.path;
    const nodeId = head === 'nodes' && typeof index === 'number' ? nodes?.[index]?.id : undefined;
    if (typeof nodeId === 'string') return { nodeId, field: rest.join('.') || undefined, message: issue.message };
    return { field: issue.path.join('.') || undefined, message: issue.message };
  });
}

function nodeProblems(graph: JourneyGraph, options: ValidationOptions, findNodeSpec: NodeLookup): { checked: Map<string, Checked>; problems: Problem[] } {
  const problems: Problem[] = [];
  const checked = new Map<string, Checked>();
  for (const node of graph.nodes) {
    if (checked.has(node.id)) problems.push({ nodeId: node.id, message: 'two nodes share this id' });
    const spec = findNodeSpec(node.type, node.version);
    if (!spec) {
      problems.push({ nodeId: node.id, field: 'type', message: `unknown node type "${node.type}" v${node.version}` });
      continue;
    }
    const result = spec.config.safeParse(node.data);
    if (!result.success) {
      problems.push(...result.error.issues.map((issue) => ({ nodeId: node.id, field: issue.path.join('.'), message: issue.message })));
      continue;
    }
    const config = result.data as Record<string, unknown>;
    checked.set(node.id, { node, spec, config });
    problems.push(
      ...templateProblems(node, spec, config),
      ...fetchedUrlProblems(node, spec, config, options),
      ...secretProblems(node, spec, config, options.secretNames),
      ...libraryTemplateProblems(node, spec, config, options.templates),
      ...topicProblems(node, spec, config, options.topics),
      ...semanticProblems(node, config),
    );
    const channel = spec.channel;
    if (channel && options.channels && !options.channels.includes(channel)) {
      problems.push({ nodeId: node.id, message: `${channel} is not configured on this server: configure the ${channel} provider or remove this node` });
    }
  }
  if (!graph.nodes.some((node) => findNodeSpec(node.type, node.version)?.category === 'trigger')) {
    problems.push({ message: 'the journey has no entry: add a trigger node' });
  }
  return { checked, problems };
}

function templateProblems(node: GraphNode, spec: NodeSpec, config: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  for (const field of spec.templateFields ?? []) {
    const source = config[field];
    const error = typeof source === 'string' ? templateError(source, spec.channel) : null;
    if (error) problems.push({ nodeId: node.id, field, message: error });
  }
  return problems;
}

/** Fields naming a library template (ui hint 'email-template') must name one that can be sent. */
function libraryTemplateProblems(node: GraphNode, spec: NodeSpec, config: Record<string, unknown>, templates: ValidationOptions['templates']): Problem[] {
  if (!templates) return [];
  const problems: Problem[] = [];
  for (const [field, hint] of Object.entries(spec.ui ?? {})) {
    const id = config[field];
    if (hint !== 'email-template' || typeof id !== 'string' || !id) continue;
    const template = templates.find((candidate) => candidate.id === id);
    if (!template) problems.push({ nodeId: node.id, field, message: `there is no email template "${id}": create it under Templates` });
    else if (!template.live) problems.push({ nodeId: node.id, field, message: `publish the template "${id}" first` });
  }
  return problems;
}

/** Fields naming a subscription topic (ui hint 'topic') must name one of the workspace's. */
function topicProblems(node: GraphNode, spec: NodeSpec, config: Record<string, unknown>, topics: ValidationOptions['topics']): Problem[] {
  if (!topics) return [];
  const problems: Problem[] = [];
  for (const [field, hint] of Object.entries(spec.ui ?? {})) {
    const id = config[field];
    if (hint !== 'topic' || typeof id !== 'string' || !id || topics.includes(id)) continue;
    const known = topics.length > 0 ? `: choose one of ${topics.map((topic) => `"${topic}"`).join(', ')}, or add it under Messaging → Topics` : ': add it under Messaging → Topics first';
    problems.push({ nodeId: node.id, field, message: `there is no topic "${id}"${known}` });
  }
  return problems;
}

/** URLs the server would fetch that name an internal target; names that merely resolve inward are refused at send. */
function fetchedUrlProblems(node: GraphNode, spec: NodeSpec, config: Record<string, unknown>, options: ValidationOptions): Problem[] {
  const problems: Problem[] = [];
  for (const field of spec.fetchedUrlFields ?? []) {
    const url = config[field];
    const refused = typeof url === 'string' ? refusedUrl(url, options.fetchAllowlist ?? noInternalTargets) : undefined;
    if (refused) problems.push({ nodeId: node.id, field, message: `${refused}: Tend does not call internal addresses unless TEND_FETCH_ALLOW names them` });
  }
  return problems;
}

/** Rules that span fields, beyond what a node's config schema says. */
function semanticProblems(node: GraphNode, config: Record<string, unknown>): Problem[] {
  if (node.type === 'wait-for-event' && !config.timeout) {
    return [{ nodeId: node.id, field: 'timeout', message: 'set how long to wait: a contact must not wait forever' }];
  }
  return [];
}

function edgeProblems(graph: JourneyGraph, checked: Map<string, Checked>, findNodeSpec: NodeLookup): Problem[] {
  const problems: Problem[] = [];
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  const used = new Set<string>();
  for (const edge of graph.edges) {
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source) problems.push({ field: `edges.${edge.id}`, message: `edge starts at unknown node "${edge.source}"` });
    if (!target) problems.push({ field: `edges.${edge.id}`, message: `edge ends at unknown node "${edge.target}"` });
    if (!source || !target) continue;
    const sourceChecked = checked.get(source.id);
    const output = outputOf(edge, sourceChecked);
    if (sourceChecked && !outputsOf(sourceChecked.spec, sourceChecked.config).includes(output)) {
      problems.push({ nodeId: source.id, field: `outputs.${output}`, message: `"${source.type}" has no output "${output}"` });
    }
    if (findNodeSpec(target.type, target.version)?.category === 'trigger') {
      problems.push({ nodeId: target.id, message: 'a trigger starts the journey and cannot have incoming edges' });
    }
    const key = `${source.id}:${output}`;
    if (used.has(key)) problems.push({ nodeId: source.id, field: `outputs.${output}`, message: 'this output has more than one edge' });
    used.add(key);
  }
  for (const { node, spec, config } of checked.values()) {
    for (const output of outputsOf(spec, config)) {
      if (!used.has(`${node.id}:${output}`)) {
        problems.push({ nodeId: node.id, field: `outputs.${output}`, message: 'connect this output (end a path with an Exit node)' });
      }
    }
  }
  return problems;
}

/** Problems of the graph as a whole, checked once every node and edge is sound. */
function shapeProblems(graph: JourneyGraph, findNodeSpec: NodeLookup): Problem[] {
  const problems: Problem[] = [];
  const successors = successorMap(graph);
  const reachable = new Set<string>();
  // Triggers start paths; goal nodes are reached by a conversion, not by an edge.
  const roots = graph.nodes.filter((node) => findNodeSpec(node.type, node.version)?.category === 'trigger' || node.type === 'goal');
  const stack = roots.map((node) => node.id);
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (reachable.has(id)) continue;
    reachable.add(id);
    stack.push(...(successors.get(id) ?? []));
  }
  for (const node of graph.nodes) {
    if (!reachable.has(node.id)) problems.push({ nodeId: node.id, message: 'no trigger leads here: this node can never run' });
  }
  for (const nodeId of loopsWithoutWait(graph, successors)) {
    problems.push({ nodeId, message: 'this loop has no wait in it, so it would spin forever: add a Wait node' });
  }
  return problems;
}

/** Returns one node of each loop that passes through no waiting node (iterative: graphs can be long). */
function loopsWithoutWait(graph: JourneyGraph, successors: Map<string, string[]>): string[] {
  const isWait = new Set(graph.nodes.filter((node) => waitingTypes.has(node.type)).map((node) => node.id));
  const state = new Map<string, 'open' | 'done'>();
  const found: string[] = [];
  for (const root of graph.nodes) {
    if (state.has(root.id) || isWait.has(root.id)) continue;
    const stack: { id: string; next: number }[] = [{ id: root.id, next: 0 }];
    state.set(root.id, 'open');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const targets = (successors.get(frame.id) ?? []).filter((id) => !isWait.has(id));
      if (frame.next >= targets.length) {
        state.set(frame.id, 'done');
        stack.pop();
        continue;
      }
      const next = targets[frame.next++]!;
      if (state.get(next) === 'open') found.push(next);
      else if (!state.has(next)) {
        state.set(next, 'open');
        stack.push({ id: next, next: 0 });
      }
    }
  }
  return found;
}

function successorMap(graph: JourneyGraph): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const edge of graph.edges) map.set(edge.source, [...(map.get(edge.source) ?? []), edge.target]);
  return map;
}

/** The output an edge leaves from: its handle, or the node's only output. */
export function outputOf(edge: GraphEdge, source: Pick<Checked, 'spec' | 'config'> | undefined): string {
  if (edge.sourceHandle) return edge.sourceHandle;
  const outputs = source ? outputsOf(source.spec, source.config) : [];
  return outputs.length === 1 ? outputs[0]! : 'next';
}
