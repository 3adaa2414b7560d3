import { Handle, Position } from '@xyflow/react';
import type { CatalogueEntry } from '../trpc';
import { useNodeCounts } from './canvas-context';
import { nodeOutputs, type NodeOutput } from './node-outputs';
import { countsText, formatCount } from './node-stats';
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
 * The body every journey node shares: its kind, its title, what its config does, and how
 * many contacts passed through it. `kind` is unknown for a type the server's catalogue does
 * not list.
 */
export function NodeCard({ id, kind, type, data }: { id: string; kind: CardKind; type: string; data: Record<string, unknown> }) {
  const spec = useNodeSpec(type);
  const summary =
    kind === 'unknown' ? "Not in the server's node catalogue" : summarizeNode(type, data) || spec?.description || '';
  const outputs = nodeOutputs(type, data, spec?.outputs);
  return (
    <div className={`flow-node flow-node--${kind}`}>
      {kind !== 'trigger' && <Handle type="target" position={Position.Top} isConnectable={false} />}
      <div className="flow-node__kind">{kindLabels[kind]}</div>
      <div className="flow-node__title">{spec?.title ?? type}</div>
      {summary && (
        <div className="flow-node__summary" title={summary}>
          {summary}
        </div>
      )}
      <NodeCounts nodeId={id} />
      <OutputHandles outputs={outputs} />
    </div>
  );
}

/** The node's two most frequent outcomes; hover for all of them. */
function NodeCounts({ nodeId }: { nodeId: string }) {
  const counts = useNodeCounts(nodeId);
  if (counts.length === 0) return null;
  const all = counts.map(({ label, count }) => `${formatCount(count)} ${label}`).join('\n');
  return (
    <div className="flow-node__counts" title={all}>
      {countsText(counts)}
    </div>
  );
}

/**
 * One source handle per output, spread along the bottom edge, with the handle's id as the
 * output's id so that edges naming a `sourceHandle` attach to it (an edge without one
 * attaches to the first). With more than one way out, each is labelled above its handle.
 */
function OutputHandles({ outputs }: { outputs: readonly NodeOutput[] }) {
  const labelled = outputs.length > 1;
  return (
    <>
      {labelled && (
        <div className="flow-node__outputs">
          {outputs.map((output) => (
            <span key={output.id} className="flow-node__output" title={output.label}>
              {output.label}
            </span>
          ))}
        </div>
      )}
      {outputs.map((output, index) => (
        <Handle
          key={output.id}
          id={output.id}
          type="source"
          position={Position.Bottom}
          isConnectable={false}
          // The centre of the output's label: equal slots along the bottom edge.
          style={{ left: `${((index + 0.5) / outputs.length) * 100}%` }}
        />
      ))}
    </>
  );
}
