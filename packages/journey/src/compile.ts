import { createHash } from 'node:crypto';
import type { JourneyGraph } from './graph.js';
import type { Condition, PropertyFilter } from './ir/conditions.js';
import type { Weekday } from './ir/time.js';
import type { IrGoal, IrNode, IrTrigger, JourneyIr } from './ir/types.js';
import { nodeLookup, type NodeLookup } from './nodes/catalogue.js';
import { durationMs, type Duration } from './nodes/duration.js';
import { outputsOf } from './nodes/node-spec.js';
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

/* eslint-disable @typescript-eslint/no-explicit-any -- configs were validated by their schemas */
function toIr(graph: JourneyGraph, findNodeSpec: NodeLookup): JourneyIr {
  const configs = new Map(graph.nodes.map((node) => [node.id, findNodeSpec(node.type, node.version)!.config.parse(node.data) as any]));
  const next = new Map<string, string>();
  for (const edge of graph.edges) {
    const source = graph.nodes.find((node) => node.id === edge.source)!;
    const output = outputOf(edge, { spec: findNodeSpec(source.type, source.version)!, config: configs.get(source.id) });
    next.set(`${edge.source}:${output}`, edge.target);
  }
  const to = (id: string, output = 'next') => next.get(`${id}:${output}`) ?? null;

  const triggers: IrTrigger[] = [];
  const nodes: Record<string, IrNode> = {};
  const goals: IrGoal[] = [];
  for (const node of graph.nodes) {
    const config = configs.get(node.id);
    const id = node.id;
    switch (node.type) {
      case 'trigger.identify':
        triggers.push({ nodeId: id, kind: 'identify', onlyNewContacts: config.onlyNewContacts, next: to(id) });
        break;
      case 'trigger.event':
        triggers.push({ nodeId: id, kind: 'event', event: config.event, filters: config.filters as PropertyFilter[], next: to(id) });
        break;
      case 'trigger.segment':
        triggers.push({ nodeId: id, kind: 'segment', segment: config.segment, next: to(id) });
        break;
      case 'trigger.date-attribute':
        triggers.push({ nodeId: id, kind: 'date-attribute', attribute: config.attribute, offsetDays: config.offsetDays, time: config.time, recurring: config.recurring, next: to(id) });
        break;
      case 'trigger.schedule':
        triggers.push({ nodeId: id, kind: 'schedule', cron: config.cron, condition: (config.condition ?? null) as Condition | null, next: to(id) });
        break;
      case 'wait':
        nodes[id] = { kind: 'wait', id, durationMs: durationMs(config as Duration), next: to(id) };
        break;
      case 'wait-until':
        nodes[id] = { kind: 'wait-until', id, time: config.time, weekdays: [...new Set(config.weekdays as Weekday[])].sort(), next: to(id) };
        break;
      case 'wait-for-event':
        nodes[id] = {
          kind: 'wait-for-event',
          id,
          matcher: { event: config.event, filters: config.filters },
          matchEntryProperty: config.matchEntryProperty ?? null,
          timeoutMs: durationMs(config.timeout),
          next: to(id, 'happened'),
          timedOut: to(id, 'timed-out'),
        };
        break;
      case 'branch':
        nodes[id] = {
          kind: 'branch',
          id,
          cases: config.cases.map((c: { id: string; label: string; condition: Condition }) => ({ label: c.label, condition: c.condition, next: to(id, c.id) })),
          otherwise: to(id, 'else'),
        };
        break;
      case 'split':
        nodes[id] = {
          kind: 'split',
          id,
          paths: config.paths.map((p: { id: string; label: string; percent: number; holdout: boolean }) => ({ label: p.label, percent: p.percent, holdout: p.holdout, next: to(id, p.id) })),
        };
        break;
      case 'goal':
        nodes[id] = { kind: 'goal', id, next: to(id) };
        goals.push({ nodeId: id, matcher: { event: config.event, filters: config.filters }, windowMs: config.window ? durationMs(config.window) : null });
        break;
      case 'exit':
        nodes[id] = { kind: 'exit', id };
        break;
      default: {
        const spec = findNodeSpec(node.type, node.version)!;
        const outputs = Object.fromEntries(outputsOf(spec, config).map((output) => [output, to(id, output)]));
        nodes[id] = { kind: 'action', id, type: node.type, version: node.version, config, outputs };
      }
    }
  }
  const settings = graph.settings;
  const exitWhen = settings.exitWhen as JourneyIr['exitWhen'];
  const waits = Object.values(nodes).flatMap((node) => (node.kind === 'wait-for-event' ? [node.matcher.event] : []));
  const listensTo = [...new Set([...waits, ...goals.map((goal) => goal.matcher.event), ...exitWhen.map((exit) => exit.event)])].sort();
  // The order of nodes in the file is not content: sort so it cannot change the hash.
  triggers.sort((a, b) => (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0));
  goals.sort((a, b) => (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0));
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
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

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
