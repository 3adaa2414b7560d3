import { nodeOutputs, type CatalogueEntry, type JourneyGraphInput } from '@tend/journey/editor';
import type { EdgeChange, NodeChange } from '@xyflow/react';
import { createContext, createElement, useContext, type ReactNode } from 'react';
import { temporal, type TemporalState } from 'zundo';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ClipboardPayload, EditorEdge, EditorMeta, EditorNode, InsertAt, NewNode } from './editor-types';
import * as edits from './graph-edits';
import { contentOf, historyLimit, sameContent, StepCoalescer, type HistoryState } from './history';
import { readGraph, writeGraph } from './read-graph';

export type { ClipboardPayload, EditorEdge, EditorMeta, EditorNode, InsertAt, NewNode } from './editor-types';

export interface EditorState {
  meta: EditorMeta;
  nodes: EditorNode[];
  edges: EditorEdge[];
  /** History and watch views: nothing can be edited, only selected. */
  readOnly: boolean;
  /** The server's node catalogue: outputs of each node type, and what validation knows. */
  catalogue: readonly CatalogueEntry[];
  /** The workspace's email templates and whether each is live, for validation; undefined until read (not checked). */
  templates: readonly { id: string; live: boolean }[] | undefined;
  /** The ids of the workspace's subscription topics, for validation; undefined until read (not checked). */
  topics: readonly string[] | undefined;
  /** A node the canvas should bring into view (and focus, with `moveFocus`); `seq` makes each request new. */
  focusRequest: { nodeId: string; moveFocus: boolean; seq: number } | null;

  // Each edit below is one undo step; a drag, or typing in one field, is one step.
  /** Replaces the node's config. */
  setNodeConfig(nodeId: string, data: Record<string, unknown>): void;
  /** Name, description, lifecycle, settings. */
  setMeta(patch: Partial<EditorMeta>): void;
  /** Selects exactly these nodes (and edges); selection is not an undo step. */
  select(nodeIds: string[], edgeIds?: string[]): void;
  /** Selects the node and asks the canvas to center it (a problem clicked, a node added). */
  reveal(nodeId: string, options?: { moveFocus?: boolean }): void;
  /** Replaces everything and clears undo history. Never throws: what cannot be read is left out. */
  loadGraph(graph: unknown, options?: { readOnly?: boolean }): void;
  /** What is saved and published. */
  toGraph(): JourneyGraphInput;
  setCatalogue(catalogue: readonly CatalogueEntry[]): void;
  setTemplates(templates: readonly { id: string; live: boolean }[] | undefined): void;
  setTopics(topics: readonly string[] | undefined): void;
  /** A node's output ids for its current config. */
  outputsOf(node: EditorNode): string[];

  /** React Flow's changes: moves (a drag is one step), selection, measured sizes. */
  applyNodeChanges(changes: NodeChange[]): void;
  applyEdgeChanges(changes: EdgeChange[]): void;
  /** A new node at `position`, selected; returns its id. */
  addNode(spec: NewNode, position: { x: number; y: number }): string | null;
  /**
   * From the palette: after the one selected node if it has a free output (connected to it),
   * else under the lowest node. Returns the new node's id.
   */
  appendNode(spec: NewNode): string | null;
  /** Into an edge or after an output ("+"), keeping the flow connected. */
  insertNode(spec: NewNode, at: InsertAt): string | null;
  /** An output leads to one place: connecting it again replaces its edge. */
  connect(link: { source: string; sourceHandle: string | null; target: string }): void;
  reconnect(edgeId: string, link: { source: string; sourceHandle: string | null; target: string }): void;
  deleteElements(nodeIds: string[], edgeIds: string[]): void;
  deleteSelection(): void;
  copySelection(): ClipboardPayload | null;
  /** Pastes with fresh ids, offset from the originals; the pasted nodes become the selection. */
  paste(payload: ClipboardPayload, offset?: { x: number; y: number }): string[];
  /** New positions (auto-layout), one step. */
  setPositions(positions: ReadonlyMap<string, { x: number; y: number }>): void;
  undo(): void;
  redo(): void;
}

export type EditorStoreApi = StoreApi<EditorState> & { temporal: StoreApi<TemporalState<HistoryState>> };

const noCatalogue: readonly CatalogueEntry[] = [];

/** One store per open journey; `initial` is a saved graph, read leniently (see loadGraph). */
export function createEditorStore(initial: unknown, options: { readOnly?: boolean } = {}): EditorStoreApi {
  const steps = new StepCoalescer();
  const store: EditorStoreApi = createStore<EditorState>()(
    temporal<EditorState, [], [], HistoryState>(
      (set, get) => {
        /** Applies an edit as an undo step, or as part of the previous one (see StepCoalescer). */
        const edit = (key: string | null, update: (state: EditorState) => Partial<EditorState> | null, ongoing = false) => {
          const state = get();
          if (state.readOnly) return;
          const patch = update(state);
          if (!patch) return;
          // A patch that changes no content (a drag's first event, a selection) is no step at all.
          if (sameContent(state, { ...state, ...patch })) {
            set(patch);
            return;
          }
          const joins = steps.joins(key, Date.now(), ongoing);
          const history = store.temporal.getState();
          if (joins) history.pause();
          set(patch);
          if (joins) history.resume();
        };
        const graphOf = (state: EditorState): edits.Graph => ({ nodes: state.nodes, edges: state.edges });
        const selectOnly = (graph: edits.Graph, nodeIds: readonly string[]): edits.Graph => {
          const ids = new Set(nodeIds);
          return {
            nodes: graph.nodes.map((node) => withSelected(node, ids.has(node.id))),
            edges: graph.edges.map((edge) => withSelected(edge, false)),
          };
        };
        const outputsOf = (node: EditorNode) => get().outputsOf(node);
        const read = readGraph(initial);

        return {
          ...read,
          readOnly: options.readOnly ?? false,
          catalogue: noCatalogue,
          templates: undefined,
          topics: undefined,
          focusRequest: null,

          setNodeConfig: (nodeId, data) =>
            edit(`config:${nodeId}`, (state) =>
              state.nodes.some((node) => node.id === nodeId)
                ? { nodes: state.nodes.map((node) => (node.id === nodeId ? { ...node, data } : node)) }
                : null,
            ),
          setMeta: (patch) =>
            edit(`meta:${Object.keys(patch).sort().join(',')}`, (state) => ({ meta: { ...state.meta, ...patch } })),
          select: (nodeIds, edgeIds = []) => {
            const nodes = new Set(nodeIds);
            const edges = new Set(edgeIds);
            set((state) => ({
              nodes: state.nodes.map((node) => withSelected(node, nodes.has(node.id))),
              edges: state.edges.map((edge) => withSelected(edge, edges.has(edge.id))),
            }));
          },
          reveal: (nodeId, revealOptions = {}) => {
            get().select([nodeId]);
            const seq = (get().focusRequest?.seq ?? 0) + 1;
            set({ focusRequest: { nodeId, moveFocus: revealOptions.moveFocus ?? false, seq } });
          },
          loadGraph: (graph, loadOptions = {}) => {
            steps.reset();
            set({ ...readGraph(graph), readOnly: loadOptions.readOnly ?? false });
            store.temporal.getState().clear();
          },
          toGraph: () => writeGraph(get()),
          setCatalogue: (catalogue) => set({ catalogue }),
          setTemplates: (templates) => set({ templates }),
          setTopics: (topics) => set({ topics }),
          outputsOf: (node) => {
            const entries = get().catalogue;
            const entry =
              entries.find((candidate) => candidate.type === node.type && candidate.version === node.version) ??
              entries.find((candidate) => candidate.type === node.type);
            return nodeOutputs(entry, node.type, node.data).map((output: { id: string }) => output.id);
          },

          applyNodeChanges: (changes) => {
            const moves = changes.filter((change) => change.type === 'position');
            const dragging = moves.some((change) => change.dragging);
            const apply = (state: EditorState) => ({ nodes: applyNodeChanges(state.nodes, changes, !state.readOnly) });
            if (moves.length === 0 || get().readOnly) {
              set(apply);
              return;
            }
            edit('drag', apply, true);
            if (!dragging) steps.reset();
          },
          applyEdgeChanges: (changes) =>
            set((state) => ({
              edges: state.edges.map((edge) => {
                const change = changes.find((candidate) => candidate.type === 'select' && candidate.id === edge.id);
                return change?.type === 'select' ? withSelected(edge, change.selected) : edge;
              }),
            })),
          addNode: (spec, position) => {
            let id: string | null = null;
            edit(null, (state) => {
              const added = edits.addNode(graphOf(state), spec, position);
              id = added.id;
              return selectOnly(added.graph, [added.id]);
            });
            return id;
          },
          appendNode: (spec) => {
            const state = get();
            const selected = state.nodes.filter((node) => node.selected);
            const after = selected.length === 1 ? (selected[0] as EditorNode) : null;
            const output = after && edits.freeOutput(after, state.edges, outputsOf);
            if (after && output !== null) return get().insertNode(spec, { source: after.id, sourceHandle: output });
            return get().addNode(spec, edits.belowLowest(state.nodes));
          },
          insertNode: (spec, at) => {
            let id: string | null = null;
            edit(null, (state) => {
              const inserted = edits.insertNode(graphOf(state), spec, at, outputsOf);
              if (!inserted) return null;
              id = inserted.id;
              return selectOnly(inserted.graph, [inserted.id]);
            });
            return id;
          },
          connect: (link) =>
            edit(null, (state) => {
              const next = edits.connect(graphOf(state), link, outputsOf);
              return next === graphOf(state) || next.edges === state.edges ? null : { edges: next.edges };
            }),
          reconnect: (edgeId, link) =>
            edit(null, (state) => {
              const next = edits.reconnect(graphOf(state), edgeId, link, outputsOf);
              return next.edges === state.edges ? null : { edges: next.edges };
            }),
          deleteElements: (nodeIds, edgeIds) =>
            edit(null, (state) => {
              if (nodeIds.length === 0 && edgeIds.length === 0) return null;
              return edits.deleteElements(graphOf(state), nodeIds, edgeIds);
            }),
          deleteSelection: () => {
            const state = get();
            get().deleteElements(
              state.nodes.filter((node) => node.selected).map((node) => node.id),
              state.edges.filter((edge) => edge.selected).map((edge) => edge.id),
            );
          },
          copySelection: () => {
            const state = get();
            return edits.copyNodes(
              graphOf(state),
              state.nodes.filter((node) => node.selected).map((node) => node.id),
            );
          },
          paste: (payload, offset = { x: 40, y: 40 }) => {
            let ids: string[] = [];
            edit(null, (state) => {
              if (payload.nodes.length === 0) return null;
              const pasted = edits.pasteNodes(graphOf(state), payload, offset);
              ids = pasted.ids;
              return selectOnly(pasted.graph, pasted.ids);
            });
            return ids;
          },
          setPositions: (positions) =>
            edit(null, (state) => ({
              nodes: state.nodes.map((node) => {
                const position = positions.get(node.id);
                return position ? { ...node, position } : node;
              }),
            })),
          undo: () => travel('undo'),
          redo: () => travel('redo'),
        };
      },
      {
        partialize: (state): HistoryState => contentOf(state),
        equality: (past, current) => sameContent(past, current),
        limit: historyLimit,
      },
    ),
  );

  /** Undo and redo restore content; selection and measured sizes stay with the nodes still there. */
  function travel(direction: 'undo' | 'redo') {
    const before = store.getState();
    if (before.readOnly) return;
    steps.reset();
    const history = store.temporal.getState();
    if (direction === 'undo') history.undo();
    else history.redo();
    const previous = new Map(before.nodes.map((node) => [node.id, node]));
    const selectedEdges = new Set(before.edges.filter((edge) => edge.selected).map((edge) => edge.id));
    store.setState((state) => ({
      nodes: state.nodes.map((node) => {
        const old = previous.get(node.id);
        return old ? { ...node, selected: old.selected, measured: old.measured } : node;
      }),
      edges: state.edges.map((edge) => withSelected(edge, selectedEdges.has(edge.id))),
    }));
  }

  return store;
}

function withSelected<T extends { selected?: boolean }>(item: T, selected: boolean): T {
  return Boolean(item.selected) === selected ? item : { ...item, selected };
}

/** React Flow's node changes the store takes: moves, selection, sizes (removal goes through deleteElements). */
function applyNodeChanges(nodes: EditorNode[], changes: NodeChange[], movable: boolean): EditorNode[] {
  const byId = new Map<string, NodeChange[]>();
  for (const change of changes) {
    if (!('id' in change)) continue;
    byId.set(change.id, [...(byId.get(change.id) ?? []), change]);
  }
  if (byId.size === 0) return nodes;
  return nodes.map((node) => {
    const nodeChanges = byId.get(node.id);
    if (!nodeChanges) return node;
    let next = node;
    for (const change of nodeChanges) {
      if (change.type === 'select') next = withSelected(next, change.selected);
      if (change.type === 'position' && movable) {
        next = { ...next, dragging: change.dragging ?? false };
        if (change.position) next.position = { x: change.position.x, y: change.position.y };
      }
      if (change.type === 'dimensions' && change.dimensions) {
        next = { ...next, measured: { width: change.dimensions.width, height: change.dimensions.height } };
      }
    }
    return next;
  });
}

const EditorStoreContext = createContext<EditorStoreApi | null>(null);

export function EditorStoreProvider({ store, children }: { store: EditorStoreApi; children?: ReactNode }) {
  return createElement(EditorStoreContext.Provider, { value: store }, children);
}

/** The open journey's store, for actions and `getState()` in event handlers. */
export function useEditorStore(): EditorStoreApi {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditor needs an <EditorStoreProvider> around it');
  return store;
}

/** A narrow read of the store: keep selectors returning stored values, not new objects. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStore(), selector);
}

function selectedNode(state: EditorState): EditorNode | null {
  let found: EditorNode | null = null;
  for (const node of state.nodes) {
    if (!node.selected) continue;
    if (found) return null;
    found = node;
  }
  return found;
}

/** Exactly one selected node, else null. */
export function useSelectedNode(): EditorNode | null {
  return useEditor(selectedNode);
}

export function useUndoRedo(): { undo(): void; redo(): void; canUndo: boolean; canRedo: boolean } {
  const store = useEditorStore();
  const canUndo = useStore(store.temporal, (history) => history.pastStates.length > 0);
  const canRedo = useStore(store.temporal, (history) => history.futureStates.length > 0);
  const readOnly = useStore(store, (state) => state.readOnly);
  const { undo, redo } = store.getState();
  return { undo, redo, canUndo: canUndo && !readOnly, canRedo: canRedo && !readOnly };
}
