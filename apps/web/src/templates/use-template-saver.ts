import { useEffect, useState } from 'react';
import { apiErrorCode } from '../session/api-errors';
import { queryClient, trpc, trpcClient } from '../trpc';
import { sameEdit, type EditedItem } from './draft-state';
import { useAutosaveEffects } from '../ui/use-autosave-effects';
import { TemplateSaver, type SaveState } from './template-saver';
import type { TemplateDetail, TemplateProblem } from './template-types';

/** The library list shows when each item changed: refreshed once a save landed. */
const templateListKey = trpc.templates.list.queryKey();

/**
 * Autosaves a library item's name and draft while its editor is open (for roles that may
 * edit), hands each save's problems to `onChecked`, and warns before leaving with changes not
 * saved yet. `reload` takes the server's draft after a conflict or a restore.
 */
export function useTemplateSaver(item: TemplateDetail, onChecked: (problems: TemplateProblem[]) => void) {
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const [saver] = useState(
    () =>
      new TemplateSaver<EditedItem, { revision: number; problems: TemplateProblem[] }>({
        revision: item.revision,
        saved: { name: item.name, draft: item.draft },
        same: (a, b) => sameEdit(a, b, item.kind),
        // An emptied name is not sent (the server refuses it); the field says so.
        save: (content, revision) => trpcClient.templates.save.mutate({ id: item.id, ...(content.name.trim() ? { name: content.name.trim() } : {}), draft: content.draft, revision }),
        isConflict: (error) => apiErrorCode(error) === 'CONFLICT',
        onState: setState,
        onSaved: (result) => onChecked(result.problems),
      }),
  );

  useEffect(() => () => saver.stop(), [saver]);

  useAutosaveEffects(state, templateListKey);

  return {
    state,
    saver,
    /** The item as the server has it now; autosave continues from its revision. */
    reload: async (): Promise<TemplateDetail> => {
      const fresh = await queryClient.fetchQuery(trpc.templates.get.queryOptions({ id: item.id }, { staleTime: 0 }));
      saver.reload({ name: fresh.name, draft: fresh.draft }, fresh.revision);
      return fresh;
    },
  };
}
