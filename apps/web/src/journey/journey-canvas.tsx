import { Background, Controls, MiniMap, ReactFlow, useNodesState, type Node } from '@xyflow/react';
import { useCallback, useMemo } from 'react';
import type { SavedGraph } from '../trpc';
import { drawableNodeTypes, nodeTypes } from './node-types';
import { toFlowEdges, toFlowNodes } from './to-flow';
import { useCatalogue } from './use-catalogue';

/**
 * A published graph, drawn read-only: nothing on it can be moved, connected or deleted.
 * The graph is read once; key the canvas by version to draw another one.
 */
export function JourneyCanvas({ graph }: { graph: SavedGraph }) {
  const initialNodes = useMemo(() => toFlowNodes(graph, drawableNodeTypes), [graph]);
  // Nodes still take React Flow's changes: the measured sizes it records on them are what
  // the minimap and fitView draw with.
  const [nodes, , onNodesChange] = useNodesState(initialNodes);
  const edges = useMemo(() => toFlowEdges(graph), [graph]);
  const catalogue = useCatalogue().data;
  const minimapClass = useCallback(
    (node: Node) => {
      const category = catalogue?.find((entry) => entry.type === node.type)?.category ?? 'unknown';
      return `minimap-node--${category}`;
    },
    [catalogue],
  );

  return (
    <div className="canvas">
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
    </div>
  );
}
