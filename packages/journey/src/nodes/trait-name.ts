import { z } from 'zod';

const pattern = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
// Read from the contact's columns in templates ({{ contact.id }}), so a trait of that name would be hidden.
const reserved = new Set(['id', 'userId']);

/** Why `name` cannot be a trait a node writes, or null when it can. */
export function traitNameError(name: string): string | null {
  if (reserved.has(name)) return `"${name}" is the contact's own identifier and cannot be set`;
  if (!pattern.test(name)) {
    return `"${name}" is not a trait name: use letters, digits and underscores, starting with a letter (e.g. "plan" or "last_order_total")`;
  }
  return null;
}

/** A profile trait a node writes, readable in templates as {{ contact.<name> }}. */
export const traitName = z.string().superRefine((name, context) => {
  const error = traitNameError(name);
  if (error) context.addIssue({ code: 'custom', message: error });
});
