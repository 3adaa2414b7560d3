import { journeyGraphSchema } from '@tend/journey/editor';
import { slugFrom } from '../ui/slug';

/** "Welcome série #2" → "welcome-serie-2": a journey id from its name. */
export function slugFromName(name: string, maxLength = 60): string {
  return slugFrom(name, maxLength);
}

/** Why an id cannot be used, or null when it can: the graph schema's own rule, as publish applies it. */
export function journeyIdProblem(id: string): string | null {
  if (id === '') return 'Give the journey an id.';
  const checked = journeyGraphSchema.shape.id.safeParse(id);
  return checked.success ? null : (checked.error.issues[0]?.message ?? 'This id cannot be used.');
}
