import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type Edge, type EdgeProps } from '@xyflow/react';
import { memo, useContext } from 'react';
import { useEditor } from '../store/editor-store';
import type { EditorState } from '../store/editor-store';
import { WatchCountsContext } from '../watch/watch-counts';
import { useCanvasUi } from './canvas-ui';

export type FlowEdge = Edge<Record<string, never>, 'journey'>;

const numbers = new Intl.NumberFormat();

/** A split path's share, "30%", for the edge leaving by it; null for any other edge. */
function splitShare(state: EditorState, source: string, handle: string | null | undefined): string | null {
  const node = state.nodes.find((candidate) => candidate.id === source);
  if (node?.type !== 'split' || !Array.isArray(node.data.paths)) return null;
  const paths = node.data.paths as unknown[];
  const path = (handle ? paths.find((candidate) => (candidate as { id?: unknown } | null)?.id === handle) : paths[0]) as
    | { percent?: unknown }
    | undefined;
  return typeof path?.percent === 'number' ? `${path.percent}%` : null;
}

/**
 * An edge with, at its middle: a split path's percentage, the number of contacts who went
 * this way while watching, and (when editing) a "+" to insert a step here.
 */
export const JourneyEdge = memo(function JourneyEdge(props: EdgeProps<FlowEdge>) {
  const { id, source, sourceHandleId, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, selected } = props;
  const [path, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 12 });
  const share = useEditor((state) => splitShare(state, source, sourceHandleId));
  const readOnly = useEditor((state) => state.readOnly);
  const output = useEditor((state) => {
    const node = state.nodes.find((candidate) => candidate.id === source);
    return sourceHandleId ?? (node ? (state.outputsOf(node)[0] ?? null) : null);
  });
  const counts = useContext(WatchCountsContext);
  const count = counts && output !== null ? (counts.nodes[source]?.byOutput[output] ?? 0) : null;
  const ui = useCanvasUi();
  const labels = [share, count === null ? null : numbers.format(count)].filter((label): label is string => label !== null);

  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={selected ? 'journey-edge--selected' : undefined} />
      {(labels.length > 0 || !readOnly) && (
        <EdgeLabelRenderer>
          <div className="journey-edge__label nodrag nopan" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
            {labels.length > 0 && (
              <span className="journey-edge__text" title={count === null ? undefined : `${numbers.format(count)} contacts went this way`}>
                {labels.join(' · ')}
              </span>
            )}
            {!readOnly && (
              <button
                type="button"
                className="journey-edge__insert"
                aria-label="Insert a step here"
                title="Insert a step here"
                onClick={(event) => ui.openPicker({ edgeId: id }, event.currentTarget)}
              >
                +
              </button>
            )}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
