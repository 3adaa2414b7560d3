// Property tests of the journey pipeline: validation and compilation never throw, generated
// valid graphs compile, and every compiled IR runs to an end on the interpreter. (They live with
// the system tests: running the IR needs the worker and the test runtime.)
import { smtpTransport } from '@tend/channels';
import { and, asc, contacts, eq, nodeVisits, workspaces, type DatabaseHandle } from '@tend/db';
import { openTestDatabase } from '@tend/db/testing';
import { compileJourney, validateJourney, type JourneyGraphInput } from '@tend/journey';
import { journeyTaskQueue, journeyWorkflowType, type JourneyIr, type JourneyWorkflowInput } from '@tend/journey/ir';
import { createJourneyWorker } from '@tend/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedWorkflowBundle, startSmtpPeer, timeSkippingTemporal, type SmtpPeer } from '../support/index.js';

type GraphNode = JourneyGraphInput['nodes'][number];
type GraphEdge = JourneyGraphInput['edges'][number];

// ---- Generators -----------------------------------------------------------------------------

const duration = fc.record({ amount: fc.integer({ min: 1, max: 36 }), unit: fc.constantFrom('minutes', 'hours', 'days') });

const attributeCondition = fc.oneof(
  fc.record({ kind: fc.constant('attribute'), attribute: fc.constantFrom('plan', 'country'), op: fc.constantFrom('eq', 'neq', 'starts_with'), value: fc.constantFrom('pro', 'free', 'FR', 'US') }),
  fc.record({ kind: fc.constant('attribute'), attribute: fc.constantFrom('plan', 'age', 'missing'), op: fc.constantFrom('exists', 'not_exists') }),
  fc.record({ kind: fc.constant('attribute'), attribute: fc.constant('age'), op: fc.constantFrom('gt', 'gte', 'lt', 'lte'), value: fc.integer({ min: 0, max: 90 }) }),
  fc.record({ kind: fc.constant('attribute'), attribute: fc.constant('country'), op: fc.constantFrom('in', 'not_in'), value: fc.subarray(['FR', 'US', 'DE'], { minLength: 1 }) }),
);

/** Split percentages: 2 or 3 positive integers adding up to 100. */
const percents = fc.oneof(
  fc.integer({ min: 1, max: 99 }).map((a) => [a, 100 - a]),
  fc.tuple(fc.integer({ min: 1, max: 98 }), fc.integer({ min: 1, max: 98 })).filter(([a, b]) => a + b < 100).map(([a, b]) => [a, b, 100 - a - b]),
);

/** A node in the middle of a journey: its config, and its outputs (the first continues the spine). */
const middleNode = fc.oneof(
  duration.map((data) => ({ type: 'wait', data, outputs: ['next'] })),
  fc
    .record({ time: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })), weekdays: fc.subarray([0, 1, 2, 3, 4, 5, 6]) })
    .map(({ time: [h, m], weekdays }) => ({ type: 'wait-until', data: { time: `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`, weekdays }, outputs: ['next'] })),
  fc
    .record({
      event: fc.constantFrom('Order Completed', 'Email Clicked'),
      filters: fc.constantFrom([], [{ property: 'total', op: 'gt', value: 0 }]),
      timeout: duration,
      matchEntryProperty: fc.option(fc.constant('cartId'), { nil: undefined }),
    })
    // "timed-out" continues the spine; "happened" may loop back, through this wait.
    .map((data) => ({ type: 'wait-for-event', data, outputs: ['timed-out', 'happened'] })),
  fc.array(attributeCondition, { minLength: 1, maxLength: 3 }).map((conditions) => {
    const cases = conditions.map((condition, index) => ({ id: `case-${index}`, label: `Case ${index}`, condition }));
    return { type: 'branch', data: { cases }, outputs: ['else', ...cases.map((c) => c.id)] };
  }),
  fc.tuple(percents, fc.array(fc.boolean(), { minLength: 3, maxLength: 3 })).map(([split, holdouts]) => {
    const paths = split.map((percent, index) => ({ id: `path-${index}`, label: `Path ${index}`, percent, holdout: holdouts[index]! }));
    return { type: 'split', data: { paths }, outputs: paths.map((p) => p.id) };
  }),
  fc.nat(999).map((n) => ({ type: 'send-email', data: { subject: `Step ${n} for {{ contact.firstName | default: 'you' }}`, html: `<p>Step ${n}</p>` }, outputs: ['next'] })),
);

/**
 * A valid journey: a trigger, a spine of middle nodes (each node's first output leads to the
 * next, so every node is reachable), every other output forward to a later node or the final
 * exit, "happened" outputs optionally back to an earlier node (a loop through a wait), and
 * optionally a goal. Outputs are all connected; loops only pass through waits.
 */
const validJourney = fc
  .record({
    middle: fc.array(middleNode, { minLength: 0, maxLength: 7 }),
    picks: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
    loops: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
    goal: fc.option(fc.record({ window: fc.option(duration, { nil: undefined }), to: fc.nat() }), { nil: undefined }),
    reentry: fc.constantFrom('once-ever', 'once-at-a-time', 'cooldown', 'restart'),
    exitWhen: fc.constantFrom([], [{ event: 'Unsubscribed' }]),
    timeZone: fc.constantFrom('UTC', 'Europe/Paris', 'America/New_York'),
  })
  .map(({ middle, picks, loops, goal, reentry, exitWhen, timeZone }): JourneyGraphInput => {
    const ids = middle.map((node, index) => `${node.type}-${index}`);
    const end = 'end';
    const nodes: GraphNode[] = [
      { id: 'start', type: 'trigger.event', data: { event: 'Started' } },
      ...middle.map((node, index) => ({ id: ids[index]!, type: node.type, data: node.data })),
      { id: end, type: 'exit', data: {} },
    ];
    const edges: GraphEdge[] = [{ id: 'start->', source: 'start', target: ids[0] ?? end }];
    let pick = 0;
    const next = () => picks[pick++ % picks.length]!;
    middle.forEach((node, index) => {
      const later = [...ids.slice(index + 1), end];
      node.outputs.forEach((output, k) => {
        let target = k === 0 ? later[0]! : later[next() % later.length]!;
        if (output === 'happened' && loops[index % loops.length]) target = ids[next() % (index + 1)]!;
        edges.push({ id: `${ids[index]}:${output}`, source: ids[index]!, target, sourceHandle: output });
      });
    });
    if (goal) {
      nodes.push({ id: 'goal', type: 'goal', data: { event: 'Order Completed', ...(goal.window ? { window: goal.window } : {}) } });
      const targets = [...ids, end];
      edges.push({ id: 'goal->', source: 'goal', target: targets[goal.to % targets.length]! });
    }
    const settings = { reentry, timeZone, exitWhen, ...(reentry === 'cooldown' ? { cooldown: { amount: 1, unit: 'days' } } : {}) };
    return { id: 'generated', name: 'Generated journey', settings: settings as unknown as JourneyGraphInput['settings'], nodes, edges };
  });

const nodeTypes = ['trigger.event', 'trigger.identify', 'wait', 'wait-until', 'wait-for-event', 'branch', 'split', 'goal', 'exit', 'send-email', 'webhook', 'no-such-node'];
const junkValue = fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, withBoxedValues: true, withTypedArray: true });

/** Graph-shaped junk: the right keys with anything in them, so validation gets past the top level. */
const graphShapedJunk = fc.record(
  {
    id: fc.oneof(fc.constant('junk'), fc.string()),
    name: fc.oneof(fc.constant('Junk'), junkValue),
    settings: fc.oneof(fc.constant(undefined), junkValue, fc.record({ reentry: fc.string(), cooldown: junkValue, timeZone: fc.string(), exitWhen: junkValue }, { requiredKeys: [] })),
    nodes: fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c', ''), type: fc.constantFrom(...nodeTypes), version: fc.oneof(fc.constant(1), junkValue), data: fc.oneof(junkValue, fc.dictionary(fc.string(), junkValue)) }, { requiredKeys: ['id', 'type'] }), { maxLength: 6 }),
    edges: fc.array(fc.record({ id: fc.string(), source: fc.constantFrom('a', 'b', 'c', 'zz'), target: fc.constantFrom('a', 'b', 'c', 'zz'), sourceHandle: fc.oneof(fc.constant(null), fc.string(), fc.constantFrom('next', 'happened', 'else')) }), { maxLength: 8 }),
  },
  { requiredKeys: ['nodes', 'edges'] },
);

/** A valid journey with one thing broken in it. */
const brokenJourney = fc.tuple(validJourney, fc.nat(), fc.constantFrom('data', 'drop-edge', 'retarget', 'type', 'settings'), junkValue).map(([graph, at, how, junk]) => {
  const copy = structuredClone(graph) as { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[]; settings?: unknown };
  const node = copy.nodes[at % copy.nodes.length]!;
  const edge = copy.edges[at % copy.edges.length];
  if (how === 'data') node.data = junk;
  if (how === 'type') node.type = nodeTypes[at % nodeTypes.length];
  if (how === 'drop-edge' && edge) copy.edges.splice(copy.edges.indexOf(edge), 1);
  if (how === 'retarget' && edge) edge.target = junk;
  if (how === 'settings') copy.settings = junk;
  return copy;
});

function noThrow(input: unknown) {
  expect(() => validateJourney(input)).not.toThrow();
  expect(() => compileJourney(input)).not.toThrow();
}

function compiled(graph: JourneyGraphInput): JourneyIr {
  const result = compileJourney(graph);
  if (!result.ok) throw new Error(`a generated journey was refused: ${JSON.stringify(result.problems)}\n${JSON.stringify(graph)}`);
  return result.ir;
}

// ---- Pure properties -------------------------------------------------------------------------

describe('validateJourney and compileJourney, on generated input', () => {
  it('never throw, whatever they are given', () => {
    fc.assert(fc.property(junkValue, noThrow), { numRuns: 500 });
    fc.assert(fc.property(graphShapedJunk, noThrow), { numRuns: 500 });
    fc.assert(fc.property(brokenJourney, noThrow), { numRuns: 300 });
  });

  it('accept every generated valid journey, and compile it to an IR whose every output leads to a node', () => {
    fc.assert(
      fc.property(validJourney, (graph) => {
        const validation = validateJourney(graph);
        expect(validation.problems).toEqual([]);
        const ir = compiled(graph);
        const targets = Object.values(ir.nodes).flatMap((node) => {
          switch (node.kind) {
            case 'wait':
            case 'wait-until':
            case 'goal':
              return [node.next];
            case 'wait-for-event':
              return [node.next, node.timedOut];
            case 'branch':
              return [...node.cases.map((c) => c.next), node.otherwise];
            case 'split':
              return node.paths.map((p) => p.next);
            case 'action':
              return Object.values(node.outputs);
            case 'exit':
              return [];
          }
        });
        for (const target of [...targets, ...ir.triggers.map((t) => t.next)]) expect(target !== null && target in ir.nodes, String(target)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('hash the same journey the same, whatever the order of its nodes and edges', () => {
    fc.assert(
      fc.property(validJourney, fc.nat(), (graph, seed) => {
        const rotate = <T>(items: T[]) => [...items.slice(seed % items.length), ...items.slice(0, seed % items.length)];
        const shuffled = { ...graph, nodes: rotate(graph.nodes), edges: rotate(graph.edges).reverse() };
        const [a, b] = [compileJourney(graph), compileJourney(shuffled)];
        expect(a.ok && b.ok && a.hash === b.hash).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

// ---- Every compiled IR runs to an end --------------------------------------------------------

describe('every generated journey runs to an end on the interpreter (time-skipping server, real activities)', () => {
  let env: TestWorkflowEnvironment;
  let database: DatabaseHandle;
  let smtp: SmtpPeer;
  let transport: ReturnType<typeof smtpTransport>;
  let worker: Worker;
  let running: Promise<void>;

  beforeAll(async () => {
    [env, database, smtp] = await Promise.all([timeSkippingTemporal(), openTestDatabase(), startSmtpPeer()]);
    await database.db.insert(workspaces).values({ id: 'ws', name: 'Shop', writeKey: 'wk-property', emailFrom: 'Shop <hello@shop.example>' });
    transport = smtpTransport(smtp.url);
    worker = await createJourneyWorker({ connection: env.nativeConnection, db: database.db, email: transport, temporal: env.client, workflowBundlePath: await sharedWorkflowBundle() });
    running = worker.run();
  });
  afterAll(async () => {
    if (worker?.getState() === 'RUNNING') worker.shutdown();
    await running;
    transport?.close();
    await smtp?.stop();
    await env?.teardown();
    await database?.close();
  });

  const traits = fc.record(
    { plan: fc.constantFrom('pro', 'free'), country: fc.constantFrom('FR', 'US', 'DE'), age: fc.integer({ min: 0, max: 90 }), firstName: fc.constant('Ada'), timezone: fc.constantFrom('Europe/Paris', 'Asia/Tokyo', 'not/a-zone') },
    // Traits arrive as JSON: plain objects.
    { requiredKeys: [], noNullPrototype: true },
  );

  it('completes every run; with no events, every wait-for-event times out and no goal converts; one email per "sent" visit', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(validJourney, traits, async (graph, contactTraits) => {
        const ir = compiled(graph);
        const contactId = `ct-property-${++run}`;
        const address = `${contactId}@example.com`;
        await database.db.insert(contacts).values({ id: contactId, workspaceId: 'ws', userId: contactId, email: address, traits: contactTraits });
        const input: JourneyWorkflowInput = {
          workspaceId: 'ws',
          contactId,
          version: 1,
          triggerNodeId: 'start',
          ir,
          entering: { type: 'track', name: 'Started', messageId: `m-${contactId}`, properties: { cartId: 'cart-1' }, occurredAt: new Date().toISOString() },
        };
        const result = await env.client.workflow.execute(journeyWorkflowType, { taskQueue: journeyTaskQueue, workflowId: `property/${contactId}`, args: [input], workflowExecutionTimeout: '5 years' });
        expect(result).toMatchObject({ end: 'completed' });

        // In the order they were recorded: a query without an order may return rows in any order.
        const visits = await database.db.select().from(nodeVisits).where(and(eq(nodeVisits.contactId, contactId), eq(nodeVisits.journeyId, 'generated'))).orderBy(asc(nodeVisits.id));
        for (const visit of visits) {
          expect(visit.nodeId === 'start' || visit.nodeId in ir.nodes, visit.nodeId).toBe(true);
          const node = ir.nodes[visit.nodeId];
          if (node?.kind === 'wait-for-event') expect(visit.outcome).toBe('timed-out');
          if (node?.kind === 'goal') throw new Error('a goal was reached with no conversion event');
        }
        expect(visits.filter((visit) => visit.outcome === 'entered')).toHaveLength(1);
        expect(visits.at(-1)?.nodeId).toBe('end');
        await expect.poll(() => smtp.received.filter((mail) => mail.to.includes(address)).length).toBe(visits.filter((visit) => visit.outcome === 'sent').length);
      }),
      { numRuns: 25 },
    );
  }, 300_000);
});
