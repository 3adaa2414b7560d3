import { nodeOutputs, summarizeNode, type NodeOutput } from '@tend/journey/editor';
import { Handle, Position, useUpdateNodeInternals, type Node, type NodeProps } from '@xyflow/react';
import { memo, useEffect, useMemo, useRef } from 'react';
import { useEditor } from '../store/editor-store';
import { useNodeProblems } from '../store/validation';
import { useCompareHighlight } from '../history/compare-highlight';
import { useNodeCounts, type NodeCounts } from '../watch/watch-counts';
import { useCanvasUi } from './canvas-ui';
import { findEntry, isTrigger } from './node-entry';
import { groupLooks } from './node-look';

/** The canvas's one node type: `data` is the node's config; the rest is read from the store by id. */
export type FlowNode = Node<Record<string, unknown>, 'journey'>;

const numbers = new Intl.NumberFormat();

/** Stands for an edge saved without a handle, which leaves by the node's first output. */
const firstOutputMark = '\u0000first';

/**
 * A step on the canvas: icon and colour by palette group, title, a one-line summary of its
 * config, problems, live counts while watching, and one handle per output (with a "+" on each
 * open one to add the next step there).
 */
export const JourneyNode = memo(function JourneyNode({ id }: NodeProps<FlowNode>) {
  const node = useEditor((state) => state.nodes.find((candidate) => candidate.id === id));
  const entry = useEditor((state) => (node ? findEntry(state.catalogue, node.type, node.version) : undefined));
  const readOnly = useEditor((state) => state.readOnly);
  // Which outputs have an edge, as one string so the card re-renders only when that changes.
  const connected = useEditor((state) =>
    state.edges
      .filter((edge) => edge.source === id)
      .map((edge) => edge.sourceHandle ?? firstOutputMark)
      .join('\n'),
  );
  const problems = useNodeProblems(id);
  const counts = useNodeCounts(id);
  const compared = useCompareHighlight(id);
  const ui = useCanvasUi();
  const type = node?.type ?? '';
  const data = node?.data;
  const outputs = useMemo(() => nodeOutputs(entry, type, data ?? {}), [entry, type, data]);
  const outputKey = outputs.map((output) => output.id).join('\n');
  const updateNodeInternals = useUpdateNodeInternals();
  // Handles come and go with a branch's cases or a split's paths: React Flow measures them again.
  // Not on mount, which React Flow measures itself: an update then would fit the view to the
  // first node measured.
  const measuredKey = useRef(outputKey);
  useEffect(() => {
    if (measuredKey.current === outputKey) return;
    measuredKey.current = outputKey;
    updateNodeInternals(id);
  }, [id, outputKey, updateNodeInternals]);
  if (!node) return null;

  const used = new Set(
    connected === '' ? [] : connected.split('\n').map((handle) => (handle === firstOutputMark ? (outputs[0]?.id ?? '') : handle)),
  );
  const look = groupLooks[entry?.group ?? 'unknown'];
  const title = entry?.title ?? (node.type || 'Untitled step');
  const summary = entry ? summarizeNode(entry, node.data) : `“${node.type}” is not in this server's node catalogue`;
  const problemText = problems.map((problem) => (problem.field ? `${problem.field}: ${problem.message}` : problem.message)).join('\n');
  const showLabels = outputs.length > 1 || (outputs.length === 1 && outputs[0]?.id !== 'next');

  return (
    <div
      className={[
        'journey-node',
        `journey-node--${entry?.group ?? 'unknown'}`,
        problems.length > 0 ? 'journey-node--problem' : '',
        compared ? `journey-node--${compared}` : '',
      ].join(' ')}
    >
      {!isTrigger(entry, node.type) && <Handle type="target" position={Position.Top} isConnectable={!readOnly} />}
      <div className="journey-node__head">
        <span className="journey-node__icon" aria-hidden="true">
          {look.icon}
        </span>
        <span className="journey-node__title">{title}</span>
        {compared && <span className={`journey-node__mark journey-node__mark--${compared}`}>{compared}</span>}
        {problems.length > 0 && (
          <span className="journey-node__problems" role="img" aria-label={problems.length === 1 ? '1 problem' : `${problems.length} problems`} title={problemText}>
            ⚠ {problems.length}
          </span>
        )}
      </div>
      {summary && (
        <div className="journey-node__summary" title={summary}>
          {summary}
        </div>
      )}
      {counts && <CountsLine counts={counts} />}
      {!readOnly && outputs.length > 0 && (
        <button
          type="button"
          className="journey-node__connect nodrag"
          title={`Connect an output of ${title} (${node.id}) to another step`}
          onClick={(event) => ui.openConnect(node.id, event.currentTarget)}
        >
          Connect output…
        </button>
      )}
      {outputs.length > 0 && (
        <div className={`journey-node__outputs${showLabels ? '' : ' journey-node__outputs--bare'}`}>
          {outputs.map((output, index) => (
            <OutputSlot
              key={output.id}
              nodeId={node.id}
              title={title}
              output={output}
              left={`${((index + 0.5) / outputs.length) * 100}%`}
              showLabel={showLabels}
              count={counts ? (counts.byOutput[output.id] ?? 0) : null}
              open={!used.has(output.id) && !readOnly}
              readOnly={readOnly}
            />
          ))}
        </div>
      )}
    </div>
  );
});

function CountsLine({ counts }: { counts: NodeCounts }) {
  const parts = [`${numbers.format(counts.entered)} entered`, `${numbers.format(counts.waiting)} waiting`];
  if (counts.converted > 0) parts.push(`${numbers.format(counts.converted)} converted`);
  // A message step's decisions: what the policy holds for later, and what did not go.
  if (counts.deferred > 0) parts.push(`${numbers.format(counts.deferred)} held by policy`);
  if (counts.skipped > 0) parts.push(`${numbers.format(counts.skipped)} skipped`);
  if (counts.failed > 0) parts.push(`${numbers.format(counts.failed)} failed`);
  return (
    <div className="journey-node__counts" aria-label={`Live counts: ${parts.join(', ')}`}>
      {parts.join(' · ')}
    </div>
  );
}

/** One way out: its label (and count), its handle, and "+" while nothing is connected to it. */
function OutputSlot({
  nodeId,
  title,
  output,
  left,
  showLabel,
  count,
  open,
  readOnly,
}: {
  nodeId: string;
  title: string;
  output: NodeOutput;
  left: string;
  showLabel: boolean;
  count: number | null;
  open: boolean;
  readOnly: boolean;
}) {
  const ui = useCanvasUi();
  return (
    <span className="journey-node__output" title={count === null ? output.label : `${output.label}: ${numbers.format(count)}`}>
      {showLabel && (
        <>
          {/* The count first: a long label is cut, the number never is. */}
          {count !== null && <span className="journey-node__output-count">{numbers.format(count)} </span>}
          {output.label}
        </>
      )}
      <Handle id={output.id} type="source" position={Position.Bottom} isConnectable={!readOnly} style={{ left }} />
      {open && (
        <button
          type="button"
          className="journey-node__add nodrag"
          style={{ left }}
          aria-label={`Add a step after ${title} (${output.label})`}
          title={`Add a step after “${output.label}”`}
          onClick={(event) => ui.openPicker({ source: nodeId, sourceHandle: output.id }, event.currentTarget)}
        >
          +
        </button>
      )}
    </span>
  );
}
