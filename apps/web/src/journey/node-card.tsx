import { Handle, Position } from '@xyflow/react';
import type { CatalogueEntry } from '../trpc';
import { summarizeNode } from './node-summary';
import { useNodeSpec } from './use-catalogue';

export type CardKind = CatalogueEntry['category'] | 'unknown';

const kindLabels: Record<CardKind, string> = {
  trigger: 'Trigger',
  control: 'Flow',
  action: 'Action',
  unknown: 'Unknown type',
};

/**
 * The body every journey node shares: its kind, its title and what its config does.
 * `type` is null for a saved type this console has no component for.
 */
export function NodeCard({ kind, type, data }: { kind: CardKind; type: string | null; data: Record<string, unknown> }) {
  const spec = useNodeSpec(type);
  const summary =
    type === null ? 'This console cannot draw this node type yet' : summarizeNode(type, data) || spec?.description || '';
  return (
    <div className={`flow-node flow-node--${kind}`}>
      {kind !== 'trigger' && <Handle type="target" position={Position.Top} isConnectable={false} />}
      <div className="flow-node__kind">{kindLabels[kind]}</div>
      <div className="flow-node__title">{spec?.title ?? type ?? 'Unknown node'}</div>
      {summary && (
        <div className="flow-node__summary" title={summary}>
          {summary}
        </div>
      )}
      <OutputHandles outputs={spec?.outputs ?? ['next']} />
    </div>
  );
}

/**
 * One source handle per declared output, spread along the bottom edge. Handles carry the
 * output's name as id; an edge without a sourceHandle attaches to the first.
 */
function OutputHandles({ outputs }: { outputs: readonly string[] }) {
  return outputs.map((output, index) => (
    <Handle
      key={output}
      id={output}
      type="source"
      position={Position.Bottom}
      isConnectable={false}
      style={{ left: `${((index + 1) / (outputs.length + 1)) * 100}%` }}
    />
  ));
}
