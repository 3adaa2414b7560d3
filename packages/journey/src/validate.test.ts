import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JourneyGraphInput } from './graph.js';
import { validateJourney } from './validate.js';

const welcome: JourneyGraphInput = JSON.parse(readFileSync(new URL('../../../examples/journeys/welcome.json', import.meta.url), 'utf8'));

/** A copy of the welcome journey with one change, the way an author would break it. */
function welcomeWith(change: (graph: JourneyGraphInput) => void): JourneyGraphInput {
  const graph = structuredClone(welcome);
  change(graph);
  return graph;
}

function node(graph: JourneyGraphInput, id: string) {
  const found = graph.nodes.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no node "${id}" in the fixture`);
  return found;
}

function problemsOf(input: unknown) {
  const result = validateJourney(input);
  expect(result.ok).toBe(false);
  return result.problems;
}

/** trigger → a → b → a: a loop among actions, optionally with a wait between a and b. */
function loopJourney(withWait: boolean): JourneyGraphInput {
  const email = (subject: string) => ({ subject, html: '<p>{{ contact.firstName }}</p>' });
  return {
    id: 'nag',
    name: 'Nag',
    nodes: [
      { id: 'start', type: 'trigger.identify', data: {} },
      { id: 'a', type: 'send-email', data: email('A') },
      ...(withWait ? [{ id: 'pause', type: 'wait', data: { amount: 1, unit: 'days' } }] : []),
      { id: 'b', type: 'send-email', data: email('B') },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'a' },
      ...(withWait
        ? [
            { id: 'e2', source: 'a', target: 'pause' },
            { id: 'e3', source: 'pause', target: 'b' },
          ]
        : [{ id: 'e2', source: 'a', target: 'b' }]),
      { id: 'e4', source: 'b', target: 'a' },
    ],
  };
}

describe('validateJourney', () => {
  it('accepts the welcome example as shipped', () => {
    const result = validateJourney(welcome);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('still names the nodes\' problems when a journey-wide field is wrong too', () => {
    const problems = problemsOf(
      welcomeWith((graph) => {
        graph.settings = { reentry: 'cooldown' };
        node(graph, 'two-days').data = { amount: 0, unit: 'days' };
      }),
    );
    expect(problems).toContainEqual(expect.objectContaining({ field: 'settings.cooldown' }));
    expect(problems).toContainEqual(expect.objectContaining({ nodeId: 'two-days', field: 'amount' }));
  });

  it('reports a journey with no trigger as a problem of the whole journey', () => {
    const problems = problemsOf(
      welcomeWith((graph) => {
        graph.nodes = graph.nodes.filter((n) => n.id !== 'signed-up');
        graph.edges = graph.edges.filter((e) => e.source !== 'signed-up');
      }),
    );
    expect(problems).toContainEqual({ message: expect.stringContaining('no entry') });
    expect(problems.find((p) => p.message.includes('no entry'))?.nodeId).toBeUndefined();
  });

  it('names the node and the "type" field for an unknown node type', () => {
    const problems = problemsOf(welcomeWith((graph) => void (node(graph, 'welcome-email').type = 'send-fax')));
    expect(problems).toContainEqual({ nodeId: 'welcome-email', field: 'type', message: expect.stringContaining('send-fax') });
  });

  it('names the node and the "type" field for a known type at a version that does not exist', () => {
    const problems = problemsOf(welcomeWith((graph) => void (node(graph, 'welcome-email').version = 9)));
    expect(problems).toContainEqual({ nodeId: 'welcome-email', field: 'type', message: expect.stringContaining('v9') });
  });

  it('names the "amount" field of a wait of zero', () => {
    const problems = problemsOf(welcomeWith((graph) => void (node(graph, 'two-days').data = { amount: 0, unit: 'days' })));
    expect(problems).toEqual([{ nodeId: 'two-days', field: 'amount', message: 'use a positive amount of time' }]);
  });

  it('names the "unit" field of a wait in an unknown unit', () => {
    const problems = problemsOf(welcomeWith((graph) => void (node(graph, 'two-days').data = { amount: 2, unit: 'fortnights' })));
    expect(problems).toEqual([{ nodeId: 'two-days', field: 'unit', message: expect.any(String) }]);
  });

  it('names the "subject" field of an email with an empty (or blank) subject', () => {
    for (const subject of ['', '   ']) {
      const problems = problemsOf(welcomeWith((graph) => void (node(graph, 'tips-email').data!.subject = subject)));
      expect(problems).toEqual([{ nodeId: 'tips-email', field: 'subject', message: 'write a subject line' }]);
    }
  });

  it('names the "html" field of an email whose Liquid template does not parse', () => {
    const problems = problemsOf(
      welcomeWith((graph) => void (node(graph, 'welcome-email').data!.html = '<p>{% if contact.firstName %}Hi</p>')),
    );
    expect(problems).toEqual([{ nodeId: 'welcome-email', field: 'html', message: expect.stringContaining('template does not parse') }]);
  });

  it('catches a misspelt Liquid filter at publish time, not at send time', () => {
    const problems = problemsOf(
      welcomeWith((graph) => void (node(graph, 'welcome-email').data!.subject = 'Hi {{ contact.firstName | defualt: "you" }}')),
    );
    expect(problems).toEqual([{ nodeId: 'welcome-email', field: 'subject', message: expect.stringContaining('defualt') }]);
  });

  it('names the output of a node whose output leads nowhere', () => {
    const problems = problemsOf(welcomeWith((graph) => void (graph.edges = graph.edges.filter((e) => e.source !== 'tips-email'))));
    expect(problems).toEqual([{ nodeId: 'tips-email', field: 'outputs.next', message: expect.stringContaining('Exit') }]);
  });

  it('names the edge that points at a node that does not exist', () => {
    const problems = problemsOf(
      welcomeWith((graph) => {
        const edge = graph.edges.find((e) => e.source === 'tips-email')!;
        edge.target = 'gone';
      }),
    );
    expect(problems).toContainEqual({ field: 'edges.tips-email->done', message: expect.stringContaining('"gone"') });
  });

  it('names the edge that starts at a node that does not exist', () => {
    const problems = problemsOf(welcomeWith((graph) => void graph.edges.push({ id: 'stray', source: 'ghost', target: 'done' })));
    expect(problems).toContainEqual({ field: 'edges.stray', message: expect.stringContaining('"ghost"') });
  });

  it('reports two edges leaving the same output', () => {
    const problems = problemsOf(welcomeWith((graph) => void graph.edges.push({ id: 'fork', source: 'welcome-email', target: 'done' })));
    expect(problems).toEqual([{ nodeId: 'welcome-email', field: 'outputs.next', message: 'this output has more than one edge' }]);
  });

  it('reports an edge from an output the node does not have', () => {
    const problems = problemsOf(
      welcomeWith((graph) => void graph.edges.push({ id: 'after-exit', source: 'done', target: 'tips-email' })),
    );
    expect(problems).toContainEqual({ nodeId: 'done', field: 'outputs.next', message: expect.stringContaining('no output') });
  });

  it('reports an edge into a trigger, on the trigger', () => {
    const problems = problemsOf(
      welcomeWith((graph) => {
        graph.edges = graph.edges.filter((e) => e.source !== 'tips-email');
        graph.edges.push({ id: 'back-to-start', source: 'tips-email', target: 'signed-up' });
      }),
    );
    expect(problems).toContainEqual({ nodeId: 'signed-up', message: expect.stringContaining('cannot have incoming edges') });
  });

  it('reports a node that no trigger leads to', () => {
    const problems = problemsOf(
      welcomeWith((graph) => {
        graph.nodes.push({ id: 'orphan', type: 'send-email', data: { subject: 'Lost', html: '<p>Lost</p>' } });
        graph.edges.push({ id: 'orphan->done', source: 'orphan', target: 'done' });
      }),
    );
    expect(problems).toEqual([{ nodeId: 'orphan', message: expect.stringContaining('no trigger leads here') }]);
  });

  it('reports a loop with no wait in it, which would send email in a tight loop', () => {
    const problems = problemsOf(loopJourney(false));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('add a Wait node');
    expect(['a', 'b']).toContain(problems[0]!.nodeId);
  });

  it('reports a node that loops straight back to itself', () => {
    const journey = loopJourney(false);
    journey.edges = [
      { id: 'e1', source: 'start', target: 'a' },
      { id: 'self', source: 'a', target: 'a' },
    ];
    journey.nodes = journey.nodes.filter((n) => n.id !== 'b');
    expect(problemsOf(journey)).toEqual([{ nodeId: 'a', message: expect.stringContaining('add a Wait node') }]);
  });

  it('accepts a loop that passes through a wait', () => {
    const result = validateJourney(loopJourney(true));
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('names the "id" field of a journey id that is not a slug', () => {
    const problems = problemsOf(welcomeWith((graph) => void (graph.id = 'Welcome Series!')));
    expect(problems).toEqual([{ field: 'id', message: expect.stringContaining('lowercase letters') }]);
  });

  it('names the node of a malformed node entry in the file', () => {
    const problems = problemsOf(welcomeWith((graph) => void (node(graph, 'two-days').version = 1.5)));
    expect(problems).toContainEqual({ nodeId: 'two-days', field: 'version', message: expect.any(String) });
  });

  it('reports two nodes that share an id', () => {
    const problems = problemsOf(
      welcomeWith((graph) => void graph.nodes.push({ id: 'done', type: 'exit', data: {} })),
    );
    expect(problems).toContainEqual({ nodeId: 'done', message: 'two nodes share this id' });
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'welcome'],
    ['a number', 42],
    ['an array', []],
    ['nodes that are not a list', { nodes: 5 }],
    ['nodes that are not objects', { id: 'x', name: 'X', nodes: [null, 5, 'a'], edges: [] }],
    ['edges that are not objects', { id: 'x', name: 'X', nodes: [], edges: [null] }],
    ['data that is not an object', { id: 'x', name: 'X', nodes: [{ id: 'n', type: 'wait', data: 'two days' }], edges: [] }],
  ])('never throws on garbage input: %s', (_label, input) => {
    const result = validateJourney(input);
    expect(result.ok).toBe(false);
    expect(result.problems.length).toBeGreaterThan(0);
    for (const problem of result.problems) expect(typeof problem.message).toBe('string');
  });
});

describe('workspace secrets outside a webhook header', () => {
  it('are refused in a message, naming the field', () => {
    const graph = welcomeWith((journey) => {
      const email = journey.nodes.find((candidate) => candidate.type === 'send-email')!;
      email.data = { ...email.data, subject: 'Your key: {{ secrets.CRM_TOKEN }}' };
    });
    const email = graph.nodes.find((candidate) => candidate.type === 'send-email')!;
    expect(problemsOf(graph)).toEqual([{ nodeId: email.id, field: 'subject', message: expect.stringContaining("only in a webhook's header values") }]);
  });
});
