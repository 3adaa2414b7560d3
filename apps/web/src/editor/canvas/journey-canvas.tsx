import '@xyflow/react/dist/style.css';
import './canvas.css';
import type { CatalogueEntry } from '@tend/journey/editor';
import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type EdgeTypes,
  type Node as FlowNodeBase,
  type NodeTypes,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useEditor, useEditorStore } from '../store/editor-store';
import type { InsertAt } from '../store/editor-types';
import { CanvasUiContext, type CanvasUi } from './canvas-ui';
import { readClipboard, writeClipboard } from './clipboard';
import { ConnectMenu } from './connect-menu';
import { flowConverters } from './flow-elements';
import { JourneyEdge } from './journey-edge';
import { JourneyNode } from './journey-node';
import { layoutGraph } from './layout';
import { findEntry } from './node-entry';
import { NodePicker } from './node-picker';
import { isTextEntry, shortcutFor } from './shortcuts';
import { ShortcutsHelp } from './shortcuts-help';

// Module scope: a new object on each render would remount every node and edge.
const nodeTypes: NodeTypes = { journey: JourneyNode };
const edgeTypes: EdgeTypes = { journey: JourneyEdge };

/** The drag type palette items carry: `{ type, version }` as JSON. */
export const paletteDragType = 'application/x-tend-node';

type Popover =
  | { kind: 'picker'; at: InsertAt; left: number; top: number; anchor: HTMLElement }
  | { kind: 'connect'; nodeId: string; left: number; top: number; anchor: HTMLElement };

/**
 * The journey as a canvas, drawn from the editor store around it (read-only when the store
 * is). `onNodeActivate` runs when a focused node gets Enter: the page moves focus to the inspector.
 */
export function JourneyCanvas(props: { onNodeActivate?: (nodeId: string) => void }) {
  return (
    <ReactFlowProvider>
      <CanvasBody {...props} />
    </ReactFlowProvider>
  );
}

function CanvasBody({ onNodeActivate }: { onNodeActivate?: (nodeId: string) => void }) {
  const store = useEditorStore();
  const nodes = useEditor((state) => state.nodes);
  const edges = useEditor((state) => state.edges);
  const readOnly = useEditor((state) => state.readOnly);
  const catalogue = useEditor((state) => state.catalogue);
  const flow = useReactFlow();
  const container = useRef<HTMLDivElement>(null);
  const [popover, setPopover] = useState<Popover | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);

  const converters = useMemo(() => flowConverters(catalogue), [catalogue]);
  const flowNodes = useMemo(() => nodes.map(converters.node), [nodes, converters]);
  const flowEdges = useMemo(() => edges.map(converters.edge), [edges, converters]);

  const placePopover = useCallback((anchor: HTMLElement) => {
    const box = container.current?.getBoundingClientRect();
    const at = anchor.getBoundingClientRect();
    if (!box) return { left: 0, top: 0 };
    return {
      left: Math.max(8, Math.min(at.left - box.left, box.width - 280)),
      top: Math.max(8, Math.min(at.bottom - box.top + 6, box.height - 260)),
    };
  }, []);

  const ui = useMemo<CanvasUi>(
    () => ({
      openPicker: (at, anchor) => setPopover({ kind: 'picker', at, anchor, ...placePopover(anchor) }),
      openConnect: (nodeId, anchor) => setPopover({ kind: 'connect', nodeId, anchor, ...placePopover(anchor) }),
    }),
    [placePopover],
  );

  const closePopover = useCallback(() => {
    setPopover((open) => {
      if (open?.anchor.isConnected) open.anchor.focus();
      return null;
    });
  }, []);

  const insert = (entry: CatalogueEntry, at: InsertAt) => {
    setPopover(null);
    const id = store.getState().insertNode(newNodeOf(entry), at);
    if (id) store.getState().reveal(id, { moveFocus: true });
  };

  const tidyUp = useCallback(() => {
    const state = store.getState();
    const positions = layoutGraph(
      state.nodes.map((node) => ({ id: node.id, width: node.measured?.width, height: node.measured?.height })),
      state.edges,
    );
    state.setPositions(positions);
    requestAnimationFrame(() => void flow.fitView({ padding: 0.2, maxZoom: 1, duration: 200 }));
  }, [flow, store]);

  // Bring a node into view when asked (a problem clicked, a step added), and focus it if asked.
  const focusRequest = useEditor((state) => state.focusRequest);
  useEffect(() => {
    if (!focusRequest) return;
    const frame = requestAnimationFrame(() => {
      const node = flow.getInternalNode(focusRequest.nodeId);
      if (!node) return;
      const width = node.measured.width ?? 260;
      const height = node.measured.height ?? 90;
      const position = node.internals.positionAbsolute;
      void flow.setCenter(position.x + width / 2, position.y + height / 2, { zoom: Math.max(flow.getZoom(), 0.8), duration: 200 });
      if (focusRequest.moveFocus) {
        container.current?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(focusRequest.nodeId)}"]`)?.focus();
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [focusRequest, flow]);

  // Shortcuts. Typing in a field keeps its own keys; deleting and the clipboard act only while
  // the canvas (or nothing) has focus, so Backspace in the inspector never deletes a step.
  useEffect(() => {
    let pendingPaste: number | undefined;
    let pasteRound = 0;
    const onCanvas = (target: EventTarget | null) =>
      target === document.body || (target instanceof Node && container.current?.contains(target) === true);
    const pasteNow = (payload: Awaited<ReturnType<typeof readClipboard>>) => {
      if (!payload || store.getState().readOnly) return;
      pasteRound += 1;
      store.getState().paste(payload, { x: 40 * pasteRound, y: 40 * pasteRound });
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTextEntry(event.target)) return;
      const action = shortcutFor(event);
      if (!action) return;
      const state = store.getState();
      switch (action) {
        case 'undo':
          event.preventDefault();
          state.undo();
          return;
        case 'redo':
          event.preventDefault();
          state.redo();
          return;
        case 'help':
          setHelpOpen((open) => !open);
          return;
        case 'tidy':
          if (!state.readOnly) tidyUp();
          return;
        case 'fit':
          void flow.fitView({ padding: 0.2, maxZoom: 1, duration: 200 });
          return;
        case 'escape':
          if (onCanvas(event.target)) state.select([]);
          return;
      }
      if (!onCanvas(event.target)) return;
      if (action === 'delete') {
        event.preventDefault();
        state.deleteSelection();
      } else if (action === 'copy' || action === 'cut') {
        const payload = state.copySelection();
        if (!payload) return;
        writeClipboard(payload);
        pasteRound = 0;
        if (action === 'cut') state.deleteSelection();
      } else if (action === 'paste') {
        // The paste event that follows carries the system clipboard; without one, read it here.
        window.clearTimeout(pendingPaste);
        pendingPaste = window.setTimeout(() => void readClipboard().then(pasteNow), 150);
      }
    };
    const onCopy = (event: ClipboardEvent) => {
      if (!onCanvas(event.target) || isTextEntry(event.target)) return;
      const payload = store.getState().copySelection();
      if (payload) writeClipboard(payload, event);
    };
    const onPaste = (event: ClipboardEvent) => {
      if (!onCanvas(event.target) || isTextEntry(event.target)) return;
      window.clearTimeout(pendingPaste);
      void readClipboard(event).then(pasteNow);
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      window.clearTimeout(pendingPaste);
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [flow, store, tidyUp]);

  const onKeyDownCapture = (event: ReactKeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (event.key !== 'Enter' || !target.classList.contains('react-flow__node')) return;
    const id = target.dataset.id;
    if (!id) return;
    event.preventDefault();
    store.getState().select([id]);
    onNodeActivate?.(id);
  };

  const onDragOver = (event: DragEvent) => {
    if (readOnly || !event.dataTransfer.types.includes(paletteDragType)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };

  const onDrop = (event: DragEvent) => {
    const raw = event.dataTransfer.getData(paletteDragType);
    if (readOnly || !raw) return;
    event.preventDefault();
    const { type, version } = JSON.parse(raw) as { type: string; version: number };
    const entry = findEntry(catalogue, type, version);
    if (!entry) return;
    const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    const id = store.getState().addNode(newNodeOf(entry), { x: point.x - 130, y: point.y - 30 });
    if (id) store.getState().reveal(id);
  };

  const minimapClass = useCallback(
    (node: FlowNodeBase) => {
      const editorNode = store.getState().nodes.find((candidate) => candidate.id === node.id);
      const category = editorNode ? findEntry(catalogue, editorNode.type, editorNode.version)?.category : undefined;
      return `minimap-node--${category ?? 'unknown'}`;
    },
    [catalogue, store],
  );

  const isValidConnection = useCallback((connection: Connection | { source: string; target: string }) => connection.source !== connection.target, []);

  return (
    <CanvasUiContext value={ui}>
      <div ref={container} className="journey-canvas" onKeyDownCapture={onKeyDownCapture} onDragOver={onDragOver} onDrop={onDrop}>
        <ReactFlow
          nodes={flowNodes}
          edges={flowEdges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={(changes) => store.getState().applyNodeChanges(changes)}
          onEdgesChange={(changes) => store.getState().applyEdgeChanges(changes)}
          onConnect={(connection) =>
            store.getState().connect({ source: connection.source, sourceHandle: connection.sourceHandle ?? null, target: connection.target })
          }
          onReconnect={(edge, connection) =>
            store.getState().reconnect(edge.id, {
              source: connection.source,
              sourceHandle: connection.sourceHandle ?? null,
              target: connection.target,
            })
          }
          isValidConnection={isValidConnection}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          edgesReconnectable={!readOnly}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
          onPaneClick={() => setPopover(null)}
          fitView
          fitViewOptions={{ padding: 0.2, maxZoom: 1 }}
          minZoom={0.2}
          proOptions={{ hideAttribution: true }}
        >
          <Background />
          <Controls showInteractive={false} />
          <MiniMap nodeClassName={minimapClass} pannable zoomable ariaLabel="Overview of the journey" />
          <Panel position="top-right" className="journey-canvas__tools">
            {!readOnly && (
              <button type="button" className="button button--small" onClick={tidyUp} title="Tidy up the layout (Shift + L)">
                Tidy up
              </button>
            )}
            <button
              type="button"
              className="button button--small"
              onClick={() => void flow.fitView({ padding: 0.2, maxZoom: 1, duration: 200 })}
              title="Zoom to fit (Shift + 1)"
            >
              Zoom to fit
            </button>
            <button
              type="button"
              className="button button--small"
              aria-expanded={helpOpen}
              onClick={() => setHelpOpen((open) => !open)}
              title="Keyboard shortcuts (?)"
            >
              Keyboard shortcuts
            </button>
          </Panel>
        </ReactFlow>
        {nodes.length === 0 && !readOnly && (
          <div className="journey-canvas__empty">
            <p>Start with an entry: drag one from the palette, or choose it there with Enter.</p>
          </div>
        )}
        {helpOpen && <ShortcutsHelp onClose={() => setHelpOpen(false)} />}
        {popover && (
          <div className="journey-canvas__popover" style={{ left: popover.left, top: popover.top }}>
            {popover.kind === 'picker' ? (
              <NodePicker catalogue={catalogue} onChoose={(entry) => insert(entry, popover.at)} onClose={closePopover} />
            ) : (
              <ConnectMenu nodeId={popover.nodeId} catalogue={catalogue} onClose={closePopover} />
            )}
          </div>
        )}
      </div>
    </CanvasUiContext>
  );
}

/** A node as the catalogue starts it: its defaults, copied so no two nodes share one object. */
export function newNodeOf(entry: CatalogueEntry) {
  return { type: entry.type, version: entry.version, data: structuredClone(entry.defaults ?? {}) };
}
