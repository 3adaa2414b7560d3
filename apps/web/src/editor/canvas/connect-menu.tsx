import type { CatalogueEntry } from '@tend/journey/editor';
import { nodeOutputs } from '@tend/journey/editor';
import { useEffect, useRef, useState } from 'react';
import { useEditor, useEditorStore } from '../store/editor-store';
import { edgeOutput } from '../store/graph-edits';

/**
 * Connecting without a mouse: choose one of the node's outputs, then the step it leads to.
 * An output already connected shows where it goes; connecting it again moves its edge.
 */
export function ConnectMenu({
  nodeId,
  catalogue,
  onClose,
}: {
  nodeId: string;
  catalogue: readonly CatalogueEntry[];
  onClose: () => void;
}) {
  const store = useEditorStore();
  const node = useEditor((state) => state.nodes.find((candidate) => candidate.id === nodeId));
  const nodes = useEditor((state) => state.nodes);
  const edges = useEditor((state) => state.edges);
  const entryOf = (type: string) => catalogue.find((entry) => entry.type === type);
  const outputs = node ? nodeOutputs(entryOf(node.type), node.type, node.data) : [];
  const targetFor = (output: string) =>
    edges.find((edge) => edge.source === nodeId && edgeOutput(edge, outputs.map((candidate) => candidate.id)) === output)?.target;
  const firstFree = outputs.find((output) => !targetFor(output.id)) ?? outputs[0];
  const [output, setOutput] = useState(firstFree?.id ?? '');
  // Triggers take no incoming edge, and a step does not lead to itself.
  const targets = nodes.filter((candidate) => candidate.id !== nodeId && entryOf(candidate.type)?.category !== 'trigger');
  const [target, setTarget] = useState(targetFor(output) ?? targets[0]?.id ?? '');
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);

  const titleOf = (id: string) => {
    const found = nodes.find((candidate) => candidate.id === id);
    return found ? `${entryOf(found.type)?.title ?? found.type} (${found.id})` : id;
  };

  return (
    <form
      className="connect-menu nodrag nopan"
      role="dialog"
      aria-label={`Connect an output of ${node ? titleOf(node.id) : nodeId}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
      onSubmit={(event) => {
        event.preventDefault();
        if (!output || !target) return;
        store.getState().connect({ source: nodeId, sourceHandle: output, target });
        onClose();
      }}
    >
      {outputs.length === 0 ? (
        <p className="small">This step ends the journey: it has no output to connect.</p>
      ) : (
        <>
          <label className="connect-menu__field">
            Output
            <select ref={first} value={output} onChange={(event) => setOutput(event.target.value)}>
              {outputs.map((candidate) => {
                const to = targetFor(candidate.id);
                return (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.label}
                    {to ? ` → ${titleOf(to)}` : ' (not connected)'}
                  </option>
                );
              })}
            </select>
          </label>
          <label className="connect-menu__field">
            Connect to
            <select value={target} onChange={(event) => setTarget(event.target.value)}>
              {targets.length === 0 && <option value="">No other step yet</option>}
              {targets.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {titleOf(candidate.id)}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      <div className="connect-menu__actions">
        <button type="button" className="button button--small" onClick={onClose}>
          Cancel
        </button>
        {outputs.length > 0 && (
          <button type="submit" className="button button--small button--primary" disabled={!target}>
            Connect
          </button>
        )}
      </div>
    </form>
  );
}
