import { useMemo } from 'react';
import { useCatalogueEntry } from '../catalogue';
import { useEditor, useSelectedNode, type EditorNode } from '../store/editor-store';
import { useNodeProblems } from '../store/validation';
import { formlessProblems } from './field-path';
import { propertiesOf, formSchema } from './schema-walk';
import { NodeForm } from './node-form';
import { MessagePreview, messageTypes } from './preview/message-preview';
import { useEntryEvent } from './use-entry-event';
import './inspector.css';

/** The selected node's settings: its title and description, a form from its schema, a preview for messages. */
export function Inspector() {
  const node = useSelectedNode();
  if (!node) return null;
  // Keyed by node: a form (and its editors' cursors) belongs to one node.
  return <NodeInspector key={node.id} node={node} />;
}

function NodeInspector({ node }: { node: EditorNode }) {
  const entry = useCatalogueEntry(node.type, node.version);
  const problems = useNodeProblems(node.id);
  const readOnly = useEditor((state) => state.readOnly);
  const journeyId = useEditor((state) => state.meta.id);
  const setNodeConfig = useEditor((state) => state.setNodeConfig);
  const entryEvent = useEntryEvent();
  const event = typeof node.data.event === 'string' && node.data.event.trim() ? node.data.event.trim() : undefined;
  const template = typeof node.data.template === 'string' && node.data.template.trim() ? node.data.template.trim() : undefined;
  const context = useMemo(() => ({ event, entryEvent, template }), [event, entryEvent, template]);
  const fieldNames = useMemo(() => Object.keys(propertiesOf(formSchema(entry?.configSchema))), [entry]);
  const general = formlessProblems(problems, fieldNames);
  const title = entry?.title ?? node.type;

  return (
    <section className="inspector" aria-label={`${title} settings`}>
      <header className="inspector__head">
        <h2>{title}</h2>
        <code className="inspector__id" title="Node id">
          {node.id}
        </code>
        {entry && <p className="muted small">{entry.description}</p>}
        {readOnly && <p className="inspector__readonly small">Read-only: this is not the draft.</p>}
      </header>
      {general.length > 0 && (
        <ul className="inspector-errors inspector__problems" aria-label="Problems with this step">
          {general.map((problem) => (
            <li key={`${problem.field ?? ''}:${problem.message}`}>{problem.field ? `${problem.field}: ${problem.message}` : problem.message}</li>
          ))}
        </ul>
      )}
      {entry ? (
        <NodeForm
          nodeId={node.id}
          entry={entry}
          data={node.data}
          problems={problems}
          readOnly={readOnly}
          context={context}
          onChange={(data) => setNodeConfig(node.id, data)}
        />
      ) : (
        <p className="muted">
          This server does not know the node type <code>{node.type}</code> v{node.version}, so its settings cannot be edited here.
        </p>
      )}
      {entry && messageTypes.has(node.type) && !readOnly && (
        <MessagePreview journeyId={journeyId} nodeId={node.id} type={node.type} version={node.version} config={node.data} entryEvent={entryEvent} />
      )}
    </section>
  );
}
