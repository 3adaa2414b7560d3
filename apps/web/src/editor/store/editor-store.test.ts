import { catalogueJson } from '@tend/journey';
import { journeyGraphSchema } from '@tend/journey/editor';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import welcome from '../../../../../examples/journeys/welcome.json' with { type: 'json' };
import { createEditorStore, type EditorStoreApi } from './editor-store';
import { problemsOf } from './validation';

const catalogue = catalogueJson();

function open(...args: [graph?: unknown]): EditorStoreApi {
  const graph = args.length === 0 ? welcome : args[0];
  const store = createEditorStore(graph);
  store.getState().setCatalogue(catalogue);
  return store;
}

const blank = { id: 'blank', name: 'Blank', nodes: [], edges: [] };
const edgesOf = (store: EditorStoreApi) =>
  store.getState().edges.map((edge) => `${edge.source}:${edge.sourceHandle ?? '-'}>${edge.target}`);
const idsOf = (store: EditorStoreApi) => store.getState().nodes.map((node) => node.id);
const node = (store: EditorStoreApi, id: string) => store.getState().nodes.find((candidate) => candidate.id === id);
const selectedIds = (store: EditorStoreApi) =>
  store
    .getState()
    .nodes.filter((candidate) => candidate.selected)
    .map((candidate) => candidate.id);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('adding nodes', () => {
  test('gives new nodes readable unique ids and places a palette node under the lowest one', () => {
    const store = open(blank);
    expect(store.getState().appendNode({ type: 'trigger.event', version: 1, data: { event: '' } })).toBe('trigger-event-1');
    store.getState().select([]);
    const id = store.getState().appendNode({ type: 'send-email', version: 1 });
    expect(id).toBe('send-email-1');
    expect(node(store, 'send-email-1')?.position).toEqual({ x: 0, y: 150 });
    expect(store.getState().addNode({ type: 'send-email', version: 1 }, { x: 5, y: 5 })).toBe('send-email-2');
    // A new node is selected, so the inspector opens on it.
    expect(selectedIds(store)).toEqual(['send-email-2']);
  });

  test('appends after the selected node and connects its free output', () => {
    const store = open(blank);
    const trigger = store.getState().appendNode({ type: 'trigger.identify', version: 1 });
    const wait = store.getState().appendNode({ type: 'wait', version: 1, data: { amount: 1, unit: 'days' } });
    expect(edgesOf(store)).toEqual([`${trigger}:next>${wait}`]);
    // An exit has no output: the next node goes under it, unconnected.
    store.getState().appendNode({ type: 'exit', version: 1 });
    store.getState().appendNode({ type: 'send-sms', version: 1 });
    expect(edgesOf(store)).toEqual(['trigger-identify-1:next>wait-1', 'wait-1:next>exit-1']);
  });

  test('inserts into an edge: source → new → old target, moving what follows down', () => {
    const store = open();
    const before = node(store, 'two-days')?.position.y ?? 0;
    const id = store.getState().insertNode({ type: 'send-sms', version: 1 }, { edgeId: 'welcome-email->two-days' });
    expect(id).toBe('send-sms-1');
    expect(edgesOf(store)).toContain('welcome-email:next>send-sms-1');
    expect(edgesOf(store)).toContain('send-sms-1:next>two-days');
    expect(edgesOf(store).filter((edge) => edge.startsWith('welcome-email:'))).toHaveLength(1);
    expect(node(store, 'two-days')?.position.y).toBeGreaterThan(before);
    expect(node(store, 'done')?.position.y).toBeGreaterThan(700);
    expect(node(store, 'signed-up')?.position.y).toBe(0);
  });

  test('inserts after an open output, under it', () => {
    const store = open(blank);
    store.getState().appendNode({ type: 'trigger.identify', version: 1 });
    store.getState().appendNode({
      type: 'branch',
      version: 1,
      data: { cases: [{ id: 'vip', label: 'VIP', condition: { kind: 'segment', segment: 'vip' } }] },
    });
    const id = store.getState().insertNode({ type: 'exit', version: 1 }, { source: 'branch-1', sourceHandle: 'else' });
    expect(edgesOf(store)).toContain(`branch-1:else>${id}`);
    expect(node(store, id ?? '')?.position.x).toBeGreaterThan(node(store, 'branch-1')?.position.x ?? 0);
  });
});

describe('connecting', () => {
  test('replaces the edge an output already has', () => {
    const store = open();
    store.getState().connect({ source: 'purchased', sourceHandle: 'else', target: 'done' });
    expect(edgesOf(store).filter((edge) => edge.startsWith('purchased:'))).toEqual([
      'purchased:ordered>customer-already',
      'purchased:else>done',
    ]);
    // An edge saved without a handle leaves by the first output: connecting "next" replaces it.
    store.getState().connect({ source: 'signed-up', sourceHandle: 'next', target: 'two-days' });
    expect(edgesOf(store).filter((edge) => edge.startsWith('signed-up:'))).toEqual(['signed-up:next>two-days']);
  });

  test('refuses a node connected to itself', () => {
    const store = open();
    const edges = store.getState().edges;
    store.getState().connect({ source: 'two-days', sourceHandle: 'next', target: 'two-days' });
    expect(store.getState().edges).toBe(edges);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  test('reconnects an edge end elsewhere', () => {
    const store = open();
    store.getState().reconnect('tips-email->done', { source: 'tips-email', sourceHandle: null, target: 'customer-already' });
    expect(edgesOf(store)).toContain('tips-email:next>customer-already');
    expect(edgesOf(store)).not.toContain('tips-email:->done');
  });
});

describe('deleting', () => {
  test('removes selected nodes with their edges, and selected edges', () => {
    const store = open();
    store.getState().select(['two-days'], ['tips-email->done']);
    store.getState().deleteSelection();
    expect(idsOf(store)).not.toContain('two-days');
    expect(edgesOf(store)).toEqual([
      'signed-up:->welcome-email',
      'purchased:ordered>customer-already',
      'purchased:else>tips-email',
    ]);
  });
});

describe('undo and redo', () => {
  test('undo and redo every edit; selection is not a step and survives them', () => {
    const store = open();
    store.getState().select(['welcome-email']);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    store.getState().setNodeConfig('welcome-email', { subject: 'Hi' });
    store.getState().deleteElements(['done'], []);
    store.getState().setMeta({ name: 'Welcome v2' });
    expect(store.temporal.getState().pastStates).toHaveLength(3);

    store.getState().undo();
    expect(store.getState().meta.name).toBe('Welcome series');
    store.getState().undo();
    expect(idsOf(store)).toContain('done');
    expect(edgesOf(store)).toContain('tips-email:->done');
    store.getState().undo();
    expect(node(store, 'welcome-email')?.data.subject).toMatch(/^Welcome/);
    expect(selectedIds(store)).toEqual(['welcome-email']);

    store.getState().redo();
    expect(node(store, 'welcome-email')?.data).toEqual({ subject: 'Hi' });
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().meta.name).toBe('Welcome v2');
    expect(idsOf(store)).not.toContain('done');
  });

  test('typing in one node within half a second is one step; a pause starts another', () => {
    const store = open();
    for (const subject of ['H', 'He', 'Hel', 'Hell', 'Hello']) {
      store.getState().setNodeConfig('welcome-email', { subject });
      vi.advanceTimersByTime(200);
    }
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    vi.advanceTimersByTime(600);
    store.getState().setNodeConfig('welcome-email', { subject: 'Hello!' });
    // Another node's config is another step, however soon.
    store.getState().setNodeConfig('tips-email', { subject: 'Tips' });
    expect(store.temporal.getState().pastStates).toHaveLength(3);
    store.getState().undo();
    store.getState().undo();
    expect(node(store, 'welcome-email')?.data).toEqual({ subject: 'Hello' });
    store.getState().undo();
    expect(node(store, 'welcome-email')?.data.subject).toMatch(/^Welcome/);
  });

  test('a drag is one step however many moves it makes', () => {
    const store = open();
    const move = (y: number, dragging: boolean) =>
      store.getState().applyNodeChanges([{ type: 'position', id: 'two-days', position: { x: 0, y }, dragging }]);
    move(280, true);
    for (let y = 290; y <= 400; y += 10) {
      move(y, true);
      vi.advanceTimersByTime(700);
    }
    move(400, false);
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    expect(node(store, 'two-days')?.position.y).toBe(400);
    // Sizes and selection from the canvas are not steps either.
    store.getState().applyNodeChanges([
      { type: 'dimensions', id: 'two-days', dimensions: { width: 260, height: 88 } },
      { type: 'select', id: 'two-days', selected: true },
    ]);
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    store.getState().undo();
    expect(node(store, 'two-days')?.position.y).toBe(280);
    expect(node(store, 'two-days')?.measured).toEqual({ width: 260, height: 88 });
  });

  test('loadGraph clears history, and a read-only journey takes no edits', () => {
    const store = open();
    store.getState().setMeta({ name: 'Changed' });
    store.getState().loadGraph(welcome, { readOnly: true });
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    store.getState().setMeta({ name: 'Changed' });
    store.getState().deleteElements(['done'], []);
    expect(store.getState().meta.name).toBe('Welcome series');
    expect(idsOf(store)).toContain('done');
    store.getState().select(['done']);
    expect(selectedIds(store)).toEqual(['done']);
  });
});

describe('copy and paste', () => {
  test('pastes copies with fresh ids and offset positions, keeping the edges between them', () => {
    const store = open();
    store.getState().select(['welcome-email', 'two-days', 'done']);
    const payload = store.getState().copySelection();
    expect(payload?.tend).toBe('nodes');
    expect(payload?.edges.map((edge) => edge.id)).toEqual(['welcome-email->two-days']);
    // Through the clipboard and back, as text.
    const ids = store.getState().paste(JSON.parse(JSON.stringify(payload)));
    expect(ids).toEqual(['send-email-1', 'wait-1', 'exit-1']);
    expect(node(store, 'wait-1')?.position).toEqual({ x: 40, y: 320 });
    expect(edgesOf(store)).toContain('send-email-1:->wait-1');
    expect(selectedIds(store)).toEqual(ids);
    // The copy's config is its own.
    expect(node(store, 'send-email-1')?.data).toEqual(node(store, 'welcome-email')?.data);
    expect(node(store, 'send-email-1')?.data).not.toBe(node(store, 'welcome-email')?.data);
    expect(store.getState().paste(payload ?? { tend: 'nodes', nodes: [], edges: [] })).toEqual(['send-email-2', 'wait-2', 'exit-2']);
  });
});

describe('loading and saving', () => {
  test('round-trips a saved graph through toGraph', () => {
    const store = open();
    const parsed = journeyGraphSchema.parse(store.getState().toGraph());
    const original = journeyGraphSchema.parse(welcome);
    expect(parsed).toEqual({
      ...original,
      edges: original.edges.map((edge) => ({ ...edge, sourceHandle: edge.sourceHandle ?? null })),
    });
    expect(problemsOf(store.getState())).toEqual([]);
  });

  test('opens a graph that does not parse with what can be read, and lists its problems', () => {
    const store = open({
      id: 'Not An Id',
      name: 42,
      settings: { reentry: 'sometimes' },
      nodes: [
        { id: 'start', type: 'trigger.identify', position: { x: 'left' } },
        { type: 'wait' },
        'junk',
        { id: 'later', type: 'wait', data: { amount: -1, unit: 'days' } },
      ],
      edges: [{ source: 'start', target: 'later' }, { id: 'broken' }],
    });
    expect(idsOf(store)).toEqual(['start', 'later']);
    expect(node(store, 'start')?.position).toEqual({ x: 0, y: 0 });
    expect(edgesOf(store)).toEqual(['start:->later']);
    const problems = problemsOf(store.getState());
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((problem) => problem.field === 'id' || problem.field === 'name')).toBe(true);
    // Fixing what is wrong clears the problems.
    store.getState().setMeta({ id: 'fixed', name: 'Fixed', settings: {} });
    store.getState().setNodeConfig('later', { amount: 1, unit: 'days' });
    store.getState().select(['later']);
    store.getState().appendNode({ type: 'exit', version: 1 });
    expect(problemsOf(store.getState())).toEqual([]);
  });

  test('never throws on input that is not a graph at all', () => {
    for (const input of [null, undefined, 'text', 7, [], { nodes: 'x', edges: {} }]) {
      const store = open(input);
      expect(store.getState().nodes).toEqual([]);
      expect(problemsOf(store.getState()).length).toBeGreaterThan(0);
    }
  });

  test('lists problems on the node they are about', () => {
    const store = open();
    store.getState().setNodeConfig('two-days', { amount: 2 });
    expect(problemsOf(store.getState()).map((problem) => problem.nodeId)).toContain('two-days');
  });
});
