import type { Choice } from './inputs/choice-select';

/** A library item as the picker reads it (templates.list's rows). */
export interface LibraryEntry {
  id: string;
  kind: 'template' | 'layout' | 'partial';
  name: string;
  liveVersion: number | null;
  archivedAt: string | null;
}

/**
 * The choices of a send-email step's template: none (the email is written in the step), then
 * the library's templates by name, live ones selectable and unpublished ones shown disabled.
 * A value the library does not have (a typo in a file, an archived template) stays shown, so
 * the step's problem reads against what is selected.
 */
export function templateOptions(library: readonly LibraryEntry[], current: string): Choice[] {
  const options: Choice[] = [{ value: '', label: 'None: write the email in this step', disabled: false }];
  const templates = library.filter((entry) => entry.kind === 'template' && entry.archivedAt === null);
  for (const entry of templates) {
    const live = entry.liveVersion !== null;
    options.push({ value: entry.id, label: `${entry.name} (${entry.id})${live ? ` · v${entry.liveVersion}` : ': not published, publish it first'}`, disabled: !live });
  }
  if (current && !templates.some((entry) => entry.id === current)) {
    const other = library.find((entry) => entry.id === current);
    const why = !other ? 'not in the library' : other.kind !== 'template' ? `a ${other.kind}, not a template` : 'archived';
    options.push({ value: current, label: `${current} (${why})`, disabled: true });
  }
  return options;
}

/** What the step's own subject, body or text does beside a template: empty takes the template's, written replaces it. */
export function templateOverrideHint(field: string, template: string): string | null {
  switch (field) {
    case 'subject':
      return `Empty: the subject of the template "${template}". Written here, it replaces it.`;
    case 'html':
      return `Empty: the body of the template "${template}". Written here, it replaces the template's body (sent as HTML).`;
    case 'text':
      return `Empty: the text part of the template "${template}".`;
    default:
      return null;
  }
}
