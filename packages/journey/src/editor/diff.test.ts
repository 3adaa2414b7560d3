import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { JourneyGraphInput } from '../graph.js';
import { changedPaths, diffGraphs } from './diff.js';

const welcome: JourneyGraphInput = JSON.parse(readFileSync(new URL('../../../../examples/journeys/welcome.json', import.meta.url), 'utf8'));

function edited(change: (graph: JourneyGraphInput) => void): JourneyGraphInput {
  const graph = structuredClone(welcome);
  change(graph);
  return graph;
}

const node = (graph: JourneyGraphInput, id: string) => graph.nodes.find((candidate) => candidate.id === id)!;
const nothing = { added: [], removed: [], changed: [], edgesAdded: [], edgesRemoved: [], settingsChanged: [], unchanged: true };

describe('diffGraphs', () => {
  test('a graph against itself, or a copy, is unchanged', () => {
    expect(diffGraphs(welcome, welcome)).toEqual(nothing);
    expect(diffGraphs(welcome, structuredClone(welcome))).toEqual(nothing);
  });

  test('moving nodes, renaming edge ids and reordering lists is no change', () => {
    const after = edited((graph) => {
      for (const each of graph.nodes) each.position = { x: 999, y: -5 };
      graph.edges = graph.edges.map((edge, index) => ({ ...edge, id: `renamed-${index}` })).reverse();
      graph.nodes.reverse();
    });
    expect(diffGraphs(welcome, after)).toEqual(nothing);
  });

  test('a node added and one removed, with their edges', () => {
    const after = edited((graph) => {
      graph.nodes.push({ id: 'extra-wait', type: 'wait', data: { amount: 1, unit: 'hours' } });
      const edge = graph.edges.find((candidate) => candidate.source === 'welcome-email')!;
      graph.edges.push({ id: 'x1', source: 'welcome-email', target: 'extra-wait' }, { id: 'x2', source: 'extra-wait', target: edge.target });
      graph.edges = graph.edges.filter((candidate) => candidate !== edge);
    });
    const diff = diffGraphs(welcome, after);
    expect(diff.added).toEqual([{ id: 'extra-wait', type: 'wait' }]);
    expect(diff.removed).toEqual([]);
    expect(diff.edgesAdded).toEqual([
      { source: 'welcome-email', target: 'extra-wait', sourceHandle: null },
      { source: 'extra-wait', target: 'two-days', sourceHandle: null },
    ]);
    expect(diff.edgesRemoved).toEqual([{ source: 'welcome-email', target: 'two-days', sourceHandle: null }]);
    expect(diff.unchanged).toBe(false);
    // And the other way round.
    const back = diffGraphs(after, welcome);
    expect(back.removed).toEqual([{ id: 'extra-wait', type: 'wait' }]);
    expect(back.edgesAdded).toEqual(diff.edgesRemoved);
  });

  test('a changed node names its changed config fields, as dotted paths', () => {
    const after = edited((graph) => {
      node(graph, 'welcome-email').data!.subject = 'Hello!';
      node(graph, 'two-days').data = { amount: 3, unit: 'days' };
      const cases = node(graph, 'purchased').data!.cases as { label: string; condition: { withinDays: number } }[];
      cases[0]!.label = 'Bought already';
      cases[0]!.condition.withinDays = 7;
    });
    expect(diffGraphs(welcome, after).changed).toEqual([
      { id: 'welcome-email', type: 'send-email', fields: ['subject'] },
      { id: 'two-days', type: 'wait', fields: ['amount'] },
      { id: 'purchased', type: 'branch', fields: ['cases.0.label', 'cases.0.condition.withinDays'] },
    ]);
  });

  test('a field added or removed is a change; a field set to undefined is not', () => {
    const after = edited((graph) => {
      node(graph, 'welcome-email').data!.text = 'Hi';
      node(graph, 'two-days').data!.note = undefined;
    });
    expect(diffGraphs(welcome, after).changed).toEqual([{ id: 'welcome-email', type: 'send-email', fields: ['text'] }]);
    expect(diffGraphs(after, welcome).changed).toEqual([{ id: 'welcome-email', type: 'send-email', fields: ['text'] }]);
  });

  test('a list that grew or shrank is reported whole', () => {
    const after = edited((graph) => {
      const cases = node(graph, 'purchased').data!.cases as unknown[];
      cases.push({ id: 'vip', label: 'VIP', condition: { kind: 'segment', segment: 'vip' } });
    });
    expect(diffGraphs(welcome, after).changed).toEqual([{ id: 'purchased', type: 'branch', fields: ['cases'] }]);
  });

  test('a new type or version at the same id', () => {
    const after = edited((graph) => {
      node(graph, 'two-days').type = 'wait-until';
      node(graph, 'two-days').data = { time: '09:00' };
      node(graph, 'welcome-email').version = 2;
    });
    expect(diffGraphs(welcome, after).changed).toEqual([
      { id: 'welcome-email', type: 'send-email', fields: ['version'] },
      { id: 'two-days', type: 'wait-until', fields: ['type', 'amount', 'unit', 'time'] },
    ]);
    // An absent version is version 1.
    expect(diffGraphs(edited((graph) => void (node(graph, 'welcome-email').version = 1)), welcome).unchanged).toBe(true);
  });

  test('an edge moved to another output, or another target', () => {
    const after = edited((graph) => {
      const edge = graph.edges.find((candidate) => candidate.source === 'purchased' && candidate.sourceHandle === 'else')!;
      edge.sourceHandle = 'ordered';
      const other = graph.edges.find((candidate) => candidate.source === 'purchased' && candidate.sourceHandle === 'ordered' && candidate !== edge)!;
      other.sourceHandle = 'else';
    });
    const diff = diffGraphs(welcome, after);
    expect(diff.edgesAdded).toHaveLength(2);
    expect(diff.edgesRemoved).toHaveLength(2);
    expect(diff.edgesAdded.map((edge) => edge.sourceHandle).sort()).toEqual(['else', 'ordered']);
    expect(diff.changed).toEqual([]);
  });

  test('an edge without a handle equals one with a null handle', () => {
    const after = edited((graph) => {
      for (const edge of graph.edges) if (!edge.sourceHandle) edge.sourceHandle = null;
    });
    expect(diffGraphs(welcome, after).unchanged).toBe(true);
  });

  test('the name, description, lifecycle and settings', () => {
    const after = edited((graph) => {
      graph.name = 'Welcome, again';
      graph.description = 'New';
      graph.lifecycle = 'retention';
      graph.settings = { ...graph.settings, reentry: 'cooldown', cooldown: { amount: 30, unit: 'days' }, exitWhen: [{ event: 'Unsubscribed' }] };
    });
    expect(diffGraphs(welcome, after).settingsChanged).toEqual([
      'name',
      'description',
      'lifecycle',
      'settings.reentry',
      'settings.exitWhen',
      'settings.cooldown',
    ]);
  });

  test('settings left out equal the defaults spelt out', () => {
    const bare: JourneyGraphInput = { id: 'j', name: 'J', nodes: [], edges: [] };
    const spelt: JourneyGraphInput = { ...bare, settings: { reentry: 'once-at-a-time', timeZone: 'UTC', exitWhen: [] } };
    expect(diffGraphs(bare, spelt)).toEqual(nothing);
    expect(diffGraphs(bare, { ...bare, settings: { timeZone: 'Europe/Paris' } }).settingsChanged).toEqual(['settings.timeZone']);
  });

  test('from no graph at all (a first publish): everything is added', () => {
    const empty: JourneyGraphInput = { id: 'welcome', name: welcome.name, settings: welcome.settings, nodes: [], edges: [] };
    const diff = diffGraphs(empty, welcome);
    expect(diff.added.map((added) => added.id)).toEqual(welcome.nodes.map((each) => each.id));
    expect(diff.edgesAdded).toHaveLength(welcome.edges.length);
    expect(diff.unchanged).toBe(false);
  });

  test('tolerates a graph that is not yet whole (a draft being edited)', () => {
    const partial = { id: 'j', name: 'J' } as JourneyGraphInput;
    expect(diffGraphs(partial, partial)).toEqual(nothing);
    expect(diffGraphs(partial, { ...partial, nodes: [{ id: 'a', type: 'exit' }], edges: [] }).added).toEqual([{ id: 'a', type: 'exit' }]);
  });
});

describe('changedPaths', () => {
  test('compares JSON values', () => {
    expect(changedPaths({ a: 1, b: { c: [1, 2] } }, { a: 1, b: { c: [1, 3] } }, '')).toEqual(['b.c.1']);
    expect(changedPaths(1, '1', 'x')).toEqual(['x']);
    expect(changedPaths(null, {}, 'x')).toEqual(['x']);
    expect(changedPaths([1], { 0: 1 }, 'x')).toEqual(['x']);
    expect(changedPaths(Number.NaN, Number.NaN, 'x')).toEqual([]);
  });
});
