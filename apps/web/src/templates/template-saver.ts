import { RevisionSaver } from '../ui/revision-saver';

export type { SaveState } from '../ui/revision-saver';

/**
 * Autosave of a library item's draft (its name and content), as the journey editor saves its
 * draft: the shared RevisionSaver, whose drafts always exist (a revision is a number).
 */
export class TemplateSaver<T, R extends { revision: number } = { revision: number }> extends RevisionSaver<T, number, R> {}
