import { Handle, Position } from '@xyflow/react';
import type { CatalogueEntry } from '../trpc';
import { useNodeCounts } from './canvas-context';
import { countsByOutput, nodeOutputs, outcomeOutput, type NodeOutput } from './node-outputs';
import { countsText, formatCount, type OutcomeCount } from './node-stats';
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
  const counts = useNodeCounts(id);
  // With a choice of outputs, each output shows its own count; the line above keeps the rest
  // (contacts who exited there, say).
  const labelled = outputs.length > 1;
  const lineCounts = labelled ? counts.filter(({ outcome }) => outcomeOutput(type, data, outcome) === null) : counts;
  return (
    <div className={`flow-node flow-node--${kind}`}>
      {kind !== 'trigger' && <Handle type="target" position={Position.Top} isConnectable={false} />}
      <div className="flow-node__head">
        <span className="flow-node__title">{spec?.title ?? type}</span>
        <span className="flow-node__kind">{kindLabels[kind]}</span>
      </div>
      {summary && (
        <div className="flow-node__summary" title={summary}>
          {summary}
        </div>
      )}
      <NodeCounts counts={lineCounts} />
      {labelled && <OutputLabels outputs={outputs} counts={counts.length > 0 ? countsByOutput(type, data, counts) : null} />}
      <OutputHandles outputs={outputs} />
    </div>
  );
}

/** The node's two most frequent outcomes; hover for all of them. */
function NodeCounts({ counts }: { counts: readonly OutcomeCount[] }) {
  if (counts.length === 0) return null;
  const all = counts.map(({ label, count }) => `${formatCount(count)} ${label}`).join('\n');
  return (
    <div className="flow-node__counts" title={all}>
      {countsText(counts)}
    </div>
  );
}

/**
 * The name of each way out, in equal slots along the bottom edge, each over its handle; with
 * live counts, how many contacts left that way.
 */
function OutputLabels({ outputs, counts }: { outputs: readonly NodeOutput[]; counts: ReadonlyMap<string, number> | null }) {
  return (
    <div className="flow-node__outputs">
      {outputs.map((output) => {
        const count = counts && formatCount(counts.get(output.id) ?? 0);
        return (
          <span key={output.id} className="flow-node__output" title={count === null ? output.label : `${output.label}: ${count}`}>
            {/* The count first: a long label is cut, the number never is. */}
            {count !== null && <span className="flow-node__output-count">{count} </span>}
            {output.label}
          </span>
        );
      })}
    </div>
  );
}

/**
 * One source handle per output, at the centre of its slot, with the output's id as the
 * handle's id so that edges naming a `sourceHandle` attach to it (an edge without one
 * attaches to the first).
 */
function OutputHandles({ outputs }: { outputs: readonly NodeOutput[] }) {
  return outputs.map((output, index) => (
    <Handle
      key={output.id}
      id={output.id}
      type="source"
      position={Position.Bottom}
      isConnectable={false}
      style={{ left: `${((index + 0.5) / outputs.length) * 100}%` }}
    />
  ));
}
