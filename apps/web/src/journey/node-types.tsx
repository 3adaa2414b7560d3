import type { NodeProps, NodeTypes } from '@xyflow/react';
import { memo } from 'react';
import { NodeCard } from './node-card';
import { unknownNodeType, type JourneyFlowNode } from './to-flow';

const TriggerNode = memo(function TriggerNode({ type, data }: NodeProps<JourneyFlowNode>) {
  return <NodeCard kind="trigger" type={type} data={data} />;
});

const ControlNode = memo(function ControlNode({ type, data }: NodeProps<JourneyFlowNode>) {
  return <NodeCard kind="control" type={type} data={data} />;
});

const ActionNode = memo(function ActionNode({ type, data }: NodeProps<JourneyFlowNode>) {
  return <NodeCard kind="action" type={type} data={data} />;
});

const UnknownNode = memo(function UnknownNode({ data }: NodeProps<JourneyFlowNode>) {
  return <NodeCard kind="unknown" type={null} data={data} />;
});

/**
 * Saved node type → component, keyed by the type so the saved graph is drawn as it is.
 * Defined once at module scope: a new object on each render would remount every node.
 */
export const nodeTypes = {
  'trigger.identify': TriggerNode,
  'trigger.event': TriggerNode,
  wait: ControlNode,
  exit: ControlNode,
  'send-email': ActionNode,
  [unknownNodeType]: UnknownNode,
} satisfies NodeTypes;

export const drawableNodeTypes: ReadonlySet<string> = new Set(Object.keys(nodeTypes));
