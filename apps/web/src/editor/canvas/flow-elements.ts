import type { CatalogueEntry } from '@tend/journey/editor';
import { MarkerType } from '@xyflow/react';
import type { EditorEdge, EditorNode } from '../store/editor-types';
import type { FlowEdge } from './journey-edge';
import type { FlowNode } from './journey-node';
import { findEntry } from './node-entry';

/**
 * Store nodes and edges as React Flow draws them: one node type and one edge type, config as
 * `data`. Cached by the store's objects, so React Flow sees the same object for an unchanged
 * node and skips it (an edit changes one node, a drag a few).
 */
export function flowConverters(catalogue: readonly CatalogueEntry[]) {
  const nodes = new WeakMap<EditorNode, FlowNode>();
  const edges = new WeakMap<EditorEdge, FlowEdge>();
  return {
    node(node: EditorNode): FlowNode {
      let flow = nodes.get(node);
      if (!flow) {
        const title = findEntry(catalogue, node.type, node.version)?.title ?? node.type;
        flow = {
          id: node.id,
          type: 'journey',
          position: node.position,
          data: node.data,
          selected: node.selected ?? false,
          dragging: node.dragging ?? false,
          ariaLabel: `${title} step “${node.id}”`,
        };
        if (node.measured) flow.measured = node.measured;
        nodes.set(node, flow);
      }
      return flow;
    },
    edge(edge: EditorEdge): FlowEdge {
      let flow = edges.get(edge);
      if (!flow) {
        flow = {
          id: edge.id,
          type: 'journey',
          source: edge.source,
          target: edge.target,
          sourceHandle: edge.sourceHandle,
          selected: edge.selected ?? false,
          markerEnd: { type: MarkerType.ArrowClosed },
          ariaLabel: `Connection from “${edge.source}” to “${edge.target}”`,
        };
        edges.set(edge, flow);
      }
      return flow;
    },
  };
}
