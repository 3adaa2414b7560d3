import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lifecycleJourneys } from '@tend/examples/journeys';
import { useState } from 'react';
import { navigate } from '../routing/use-route';
import { readableMessage } from '../session/api-errors';
import { layoutGraph } from '../editor/canvas/layout';
import { trpc } from '../trpc';
import { Dialog } from '../ui/dialog';
import { Field } from '../ui/field';
import { asLifecycle, LifecycleBadge } from './journey-badges';
import { journeyIdProblem, slugFromName } from './journey-slug';
import './journeys.css';

type Template = (typeof lifecycleJourneys)[number];

/**
 * A template laid out for the editor's cards: the example files are spaced for reading as
 * JSON, and their steps would overlap on the canvas.
 */
function tidied(template: Template): Template {
  const positions = layoutGraph(template.nodes, template.edges);
  return { ...template, nodes: template.nodes.map((node) => ({ ...node, position: positions.get(node.id) ?? node.position })) };
}

/**
 * A new journey: a name, an id made from it (editable until saved: ids never change), and a
 * start, blank or one of the lifecycle journeys. It opens in the editor as a draft.
 */
export function NewJourneyDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [typedId, setTypedId] = useState<string | null>(null);
  const [template, setTemplate] = useState<Template | null>(null);
  const id = typedId ?? slugFromName(name);
  const idProblem = journeyIdProblem(id);
  const create = useMutation(
    trpc.journeys.create.mutationOptions({
      onSuccess: async (created) => {
        await queryClient.invalidateQueries({ queryKey: trpc.journeys.pathKey() });
        navigate({ page: 'journey', id: created.id });
      },
    }),
  );
  const ready = name.trim() !== '' && idProblem === null;

  return (
    <Dialog open title="New journey" onClose={() => !create.isPending && onClose()}>
      <form
        className="form new-journey"
        onSubmit={(event) => {
          event.preventDefault();
          if (!ready) return;
          create.mutate({ id, name: name.trim(), ...(template ? { graph: { ...tidied(template), id, name: name.trim() } } : {}) });
        }}
      >
        <Field label="Name">
          {(control) => (
            <input {...control} className="input" required value={name} onChange={(event) => setName(event.target.value)} placeholder="e.g. Welcome series" autoFocus />
          )}
        </Field>
        <Field label="Id" hint={name !== '' && idProblem ? idProblem : 'Used in URLs and by the CLI; it cannot change later.'}>
          {(control) => (
            <input
              {...control}
              className="input"
              required
              value={id}
              aria-invalid={name !== '' && idProblem !== null}
              onChange={(event) => setTypedId(event.target.value)}
              spellCheck={false}
              autoComplete="off"
            />
          )}
        </Field>
        <fieldset className="new-journey__starts">
          <legend>Start from</legend>
          <label className="choice-card">
            <input type="radio" name="journey-start" checked={template === null} onChange={() => setTemplate(null)} />
            <span className="choice-card__body">
              <strong>Blank</strong>
              <span className="muted small">An empty canvas: add a trigger from the palette.</span>
            </span>
          </label>
          {lifecycleJourneys.map((candidate) => (
            <label key={candidate.id} className="choice-card">
              <input
                type="radio"
                name="journey-start"
                checked={template?.id === candidate.id}
                onChange={() => {
                  setTemplate(candidate);
                  if (name.trim() === '') setName(candidate.name);
                }}
              />
              <span className="choice-card__body">
                <span className="template-card__head">
                  <strong>{candidate.name}</strong>
                  <LifecycleBadge lifecycle={asLifecycle(candidate.lifecycle)} />
                </span>
                <span className="muted small">{candidate.description}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {create.error && (
          <p className="error-text" role="alert">
            Could not create the journey: {readableMessage(create.error)}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose} disabled={create.isPending}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={!ready || create.isPending}>
            {create.isPending ? 'Creating…' : 'Create journey'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
