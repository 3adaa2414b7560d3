import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConditionBuilder } from '../../editor/inspector/condition-builder';
import { segmentRowKinds } from '../../editor/inspector/condition-model';
import { problemsToErrorSchema } from '../../editor/inspector/field-path';
import type { JsonObject } from '../../editor/inspector/inspector-types';
import { hrefFor } from '../../routing/route';
import { navigate } from '../../routing/use-route';
import { apiErrorCode, readableMessage } from '../../session/api-errors';
import { roleHint } from '../../session/roles';
import { useSession } from '../../session/session-context';
import { trpc } from '../../trpc';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Field } from '../../ui/field';
import { slugFrom } from '../../ui/slug';
import { formatCount } from '../audience-format';
import { useStartSegmentJourney } from '../use-segment-journey';
import { definitionProblems, formProblems, parseSegmentProblems } from './segment-problems';
import { SegmentPreviewPanel, useSegmentPreview } from './segment-preview';

export interface SegmentDraft {
  /** Null until the segment is saved: the id is then chosen, and never changes. */
  id: string | null;
  name: string;
  description: string;
  definition: JsonObject | undefined;
}

/** "new" is the address of this page for a new segment: a segment may not take it as its id. */
function idFromName(name: string): string {
  const slug = slugFrom(name, 64);
  return slug === 'new' ? 'new-segment' : slug;
}

/**
 * A segment's name, description and definition (the journey editor's condition builder, without
 * email engagement), with a live count beside it. Save creates or updates it, which recomputes
 * its members at once.
 */
export function SegmentEditor({ initial }: { initial: SegmentDraft }) {
  const { workspace } = useSession();
  const queryClient = useQueryClient();
  const [name, setName] = useState(initial.name);
  const [typedId, setTypedId] = useState<string | null>(null);
  const [description, setDescription] = useState(initial.description);
  const [definition, setDefinition] = useState(initial.definition);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const preview = useSegmentPreview(definition);
  const id = initial.id ?? typedId ?? idFromName(name);
  const readOnlyWhy = roleHint(workspace.role, 'marketer');

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.segments.pathKey() });
  const create = useMutation(
    trpc.segments.create.mutationOptions({
      onSuccess: async (saved) => {
        navigate({ page: 'segment', id: saved.id });
        await refresh();
      },
    }),
  );
  const update = useMutation(trpc.segments.update.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(
    trpc.segments.delete.mutationOptions({
      onSuccess: async () => {
        navigate({ page: 'segments' });
        await refresh();
      },
    }),
  );
  const startJourney = useStartSegmentJourney();
  const save = initial.id === null ? create : update;
  const saveProblems = save.error && apiErrorCode(save.error) === 'BAD_REQUEST' ? parseSegmentProblems(save.error.message) : [];
  const fieldProblems = formProblems(saveProblems);
  // The live count checks the definition as it is typed; a refused save names the rest.
  const builderErrors = problemsToErrorSchema(definitionProblems(preview.refused ? preview.problems : saveProblems));
  const ready = name.trim() !== '' && definition !== undefined && readOnlyWhy === null;
  const edit = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    save.reset();
  };

  return (
    <form
      className="segment-builder"
      onSubmit={(event) => {
        event.preventDefault();
        if (!ready) return;
        if (initial.id === null) create.mutate({ id, name: name.trim(), description, definition });
        else update.mutate({ id: initial.id, name: name.trim(), description, definition });
      }}
    >
      <div className="segment-builder__main inspector-form">
        {readOnlyWhy && <p className="muted">{readOnlyWhy} You can try definitions and see who matches, but not save them.</p>}
        <Field label="Name" hint={fieldProblems.name}>
          {(control) => (
            <input {...control} className="input" value={name} placeholder="e.g. Lapsed customers" aria-invalid={Boolean(fieldProblems.name) || undefined} onChange={(event) => edit(setName)(event.target.value)} />
          )}
        </Field>
        {initial.id === null ? (
          <Field label="Id" hint={fieldProblems.id ?? 'Journeys name the segment by its id; it cannot change later.'}>
            {(control) => (
              <input {...control} className="input" value={id} spellCheck={false} autoComplete="off" aria-invalid={Boolean(fieldProblems.id) || undefined} onChange={(event) => edit(setTypedId)(event.target.value)} />
            )}
          </Field>
        ) : (
          <p className="muted small">
            Id <code>{initial.id}</code>: journeys name the segment by it.
          </p>
        )}
        <Field label="Description" hint={fieldProblems.description}>
          {(control) => <textarea {...control} className="input" rows={2} value={description} placeholder="Who is in it, and why it matters" onChange={(event) => edit(setDescription)(event.target.value)} />}
        </Field>
        <ConditionBuilder label="Who is in it" value={definition} onChange={edit(setDefinition)} errors={builderErrors} kinds={segmentRowKinds} />
        {save.error && (
          <p className="error-text" role="alert">
            Not saved: {readableMessage(save.error)}
          </p>
        )}
        {update.data && !update.isPending && (
          <p className="ok-text" role="status">
            Saved. {formatCount(update.data.size)} {update.data.size === 1 ? 'contact is' : 'contacts are'} in it now.
          </p>
        )}
        <div className="segment-builder__actions">
          <button type="submit" className="button button--primary" disabled={!ready || save.isPending}>
            {save.isPending ? 'Saving…' : initial.id === null ? 'Create segment' : 'Save'}
          </button>
          {initial.id !== null && (
            <>
              <a className="button" href={hrefFor({ page: 'contacts', filters: { segment: initial.id } })}>
                View contacts
              </a>
              <button
                type="button"
                className="button"
                disabled={readOnlyWhy !== null || startJourney.isPending}
                onClick={() => startJourney.mutate({ segmentId: initial.id!, journeyName: `Journey for ${initial.name}` })}
              >
                {startJourney.isPending ? 'Creating the journey…' : 'Start a journey for this segment'}
              </button>
              <button type="button" className="button button--danger-outline" disabled={readOnlyWhy !== null} onClick={() => setConfirmDelete(true)}>
                Delete…
              </button>
            </>
          )}
        </div>
        {startJourney.error && <p className="error-text">Could not start the journey: {readableMessage(startJourney.error)}</p>}
      </div>
      <SegmentPreviewPanel state={preview} />
      <ConfirmDialog
        open={confirmDelete}
        title={`Delete the segment ${initial.name}?`}
        confirmLabel="Delete segment"
        busy={remove.isPending}
        onConfirm={() => initial.id && remove.mutate({ id: initial.id })}
        onCancel={() => setConfirmDelete(false)}
      >
        <p>Its membership goes with it. Journeys that start when someone enters it get no more entries, and branches on it find no one in it.</p>
        {remove.error && (
          <p className="error-text" role="alert">
            Not deleted: {readableMessage(remove.error)}
          </p>
        )}
      </ConfirmDialog>
    </form>
  );
}
