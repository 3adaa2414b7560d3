import '@xyflow/react/dist/style.css';
import { Background, Controls, MiniMap, ReactFlow, useNodesState, type Node } from '@xyflow/react';
import { useCallback, useMemo } from 'react';
import type { SavedGraph } from '../trpc';
import { CanvasContext, type CanvasInfo } from './canvas-context';
import { countsByNode, type VisitCount } from './node-stats';
import { drawableNodeTypes, nodeTypes } from './node-types';
import { toFlowEdges, toFlowNodes } from './to-flow';
import { useCatalogue } from './use-catalogue';

/**
 * A published graph, drawn read-only: nothing on it can be moved, connected or deleted.
 * The graph is read once; key the canvas by version to draw another one. `visits` are the
 * journey's live counts, drawn on the cards and under each of a node's named outputs.
 */
export function JourneyCanvas({ graph, visits }: { graph: SavedGraph; visits?: readonly VisitCount[] }) {
  const initialNodes = useMemo(() => toFlowNodes(graph, drawableNodeTypes), [graph]);
  // Nodes still take React Flow's changes: the measured sizes it records on them are what
  // the minimap and fitView draw with.
  const [nodes, , onNodesChange] = useNodesState(initialNodes);
  const edges = useMemo(() => toFlowEdges(graph), [graph]);
  // Polled stats keep their identity while unchanged (TanStack Query shares structure), so
  // the cards re-render only when some count changed.
  const info = useMemo<CanvasInfo>(() => {
    const savedTypes = new Map(graph.nodes.map((node) => [node.id, node.type]));
    return { savedTypes, counts: countsByNode(visits ?? [], (nodeId) => savedTypes.get(nodeId)) };
  }, [graph, visits]);
  const catalogue = useCatalogue().data;
  const minimapClass = useCallback(
    (node: Node) => {
      const type = info.savedTypes.get(node.id) ?? node.type;
      const category = catalogue?.find((entry) => entry.type === type)?.category ?? 'unknown';
      return `minimap-node--${category}`;
    },
    [catalogue, info],
  );

  return (
    <div className="canvas">
      <CanvasContext value={info}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          onNodesChange={onNodesChange}
          nodeTypes={nodeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          deleteKeyCode={null}
          fitView
          fitViewOptions={{ padding: 0.2, maxZoom: 1 }}
          minZoom={0.2}
        >
          <Background />
          <Controls showInteractive={false} />
          <MiniMap nodeClassName={minimapClass} pannable zoomable />
        </ReactFlow>
      </CanvasContext>
    </div>
  );
}
