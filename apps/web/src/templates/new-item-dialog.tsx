import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { navigate } from '../routing/use-route';
import { readableMessage } from '../session/api-errors';
import { trpc } from '../trpc';
import { Dialog } from '../ui/dialog';
import { Field } from '../ui/field';
import { templateIdFrom, templateIdProblem } from './template-id';
import { kindNames, kindOrder } from './template-list';
import type { TemplateFormat, TemplateKind } from './template-types';

/**
 * A new template, layout or partial: a name, an id made from it (named in Liquid and by
 * journeys, so it cannot change later) and a format. It opens in the editor with a starter
 * draft; nothing is live until it is published.
 */
export function NewItemDialog({ initialKind, onClose }: { initialKind: TemplateKind; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState(initialKind);
  const [name, setName] = useState('');
  const [typedId, setTypedId] = useState<string | null>(null);
  const [format, setFormat] = useState<TemplateFormat>('mjml');
  const id = typedId ?? templateIdFrom(name);
  const idProblem = templateIdProblem(id);
  const create = useMutation(
    trpc.templates.create.mutationOptions({
      onSuccess: async (created) => {
        await queryClient.invalidateQueries({ queryKey: trpc.templates.pathKey() });
        navigate({ page: 'template', id: created.id });
      },
    }),
  );
  const ready = name.trim() !== '' && idProblem === null;
  const noun = kindNames[kind].one;

  return (
    <Dialog open title={`New ${noun}`} onClose={() => !create.isPending && onClose()}>
      <form
        className="form new-template"
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) create.mutate({ id, kind, name: name.trim(), format });
        }}
      >
        <fieldset className="new-template__choice">
          <legend className="field__label">Kind</legend>
          <div className="segmented" role="group" aria-label="Kind">
            {kindOrder.map((option) => (
              <button key={option} type="button" className="button button--small" aria-pressed={kind === option} onClick={() => setKind(option)}>
                {kindNames[option].one}
              </button>
            ))}
          </div>
          <span className="field__hint">{kindNames[kind].what}</span>
        </fieldset>
        <Field label="Name">
          {(control) => <input {...control} className="input" required value={name} onChange={(event) => setName(event.target.value)} placeholder="e.g. Order shipped" autoFocus />}
        </Field>
        <Field label="Id" hint={name !== '' && idProblem ? idProblem : `Named in Liquid and by journeys ({% render '${id || 'footer'}' %}); it cannot change later.`}>
          {(control) => (
            <input
              {...control}
              className="input input--mono"
              required
              value={id}
              aria-invalid={name !== '' && idProblem !== null}
              onChange={(event) => setTypedId(event.target.value)}
              spellCheck={false}
              autoComplete="off"
            />
          )}
        </Field>
        <fieldset className="new-template__choice">
          <legend className="field__label">Format</legend>
          <div className="segmented" role="group" aria-label="Format">
            <button type="button" className="button button--small" aria-pressed={format === 'mjml'} onClick={() => setFormat('mjml')}>
              MJML
            </button>
            <button type="button" className="button button--small" aria-pressed={format === 'html'} onClick={() => setFormat('html')}>
              HTML
            </button>
          </div>
          <span className="field__hint">{format === 'mjml' ? 'Responsive email markup, compiled to HTML that works in every inbox.' : 'HTML as written, for emails built elsewhere.'}</span>
        </fieldset>
        {create.error && (
          <p className="error-text" role="alert">
            Could not create the {noun}: {readableMessage(create.error)}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose} disabled={create.isPending}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={!ready || create.isPending}>
            {create.isPending ? 'Creating…' : `Create ${noun}`}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
