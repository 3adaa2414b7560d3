import type { NodeProps, NodeTypes } from '@xyflow/react';
import { memo } from 'react';
import { useSavedType } from './canvas-context';
import { NodeCard, type CardKind } from './node-card';
import { unknownNodeType, type JourneyFlowNode } from './to-flow';
import { useNodeSpec } from './use-catalogue';

const TriggerNode = memo(function TriggerNode({ id, type, data }: NodeProps<JourneyFlowNode>) {
  return <NodeCard id={id} kind="trigger" type={type} data={data} />;
});

const ControlNode = memo(function ControlNode({ id, type, data }: NodeProps<JourneyFlowNode>) {
  return <NodeCard id={id} kind="control" type={type} data={data} />;
});

const ActionNode = memo(function ActionNode({ id, type, data }: NodeProps<JourneyFlowNode>) {
  return <NodeCard id={id} kind="action" type={type} data={data} />;
});

/**
 * A type without a component of its own: a custom node the server's catalogue lists (drawn
 * as its category), or a type nobody knows (drawn as unknown).
 */
const OtherNode = memo(function OtherNode({ id, data }: NodeProps<JourneyFlowNode>) {
  const savedType = useSavedType(id) ?? 'unknown';
  const spec = useNodeSpec(savedType);
  return <NodeCard id={id} kind={spec?.category ?? 'unknown'} type={savedType} data={data} />;
});

/** The built-in node types of @tend/journey, by category. */
const builtInTypes = {
  'trigger.identify': 'trigger',
  'trigger.event': 'trigger',
  'trigger.segment': 'trigger',
  'trigger.date-attribute': 'trigger',
  'trigger.schedule': 'trigger',
  wait: 'control',
  'wait-until': 'control',
  'wait-for-event': 'control',
  branch: 'control',
  split: 'control',
  goal: 'control',
  exit: 'control',
  'send-email': 'action',
  'send-sms': 'action',
  'send-push': 'action',
  webhook: 'action',
  'update-profile': 'action',
  'add-to-list': 'action',
  'remove-from-list': 'action',
} as const satisfies Record<string, Exclude<CardKind, 'unknown'>>;

const components = { trigger: TriggerNode, control: ControlNode, action: ActionNode };

/**
 * Saved node type → component, keyed by the type so the saved graph is drawn as it is.
 * Defined once at module scope: a new object on each render would remount every node.
 */
export const nodeTypes: NodeTypes = {
  ...Object.fromEntries(Object.entries(builtInTypes).map(([type, kind]) => [type, components[kind]])),
  [unknownNodeType]: OtherNode,
};

export const drawableNodeTypes: ReadonlySet<string> = new Set(Object.keys(builtInTypes));
