import { z } from 'zod';

const pattern = /^[A-Z][A-Z0-9_]{0,63}$/;

/** Why `name` cannot name a workspace secret, or null when it can. */
export function secretNameError(name: string): string | null {
  if (pattern.test(name)) return null;
  return `"${name}" is not a secret name: use upper-case letters, digits and underscores, starting with a letter, at most 64 (e.g. CRM_TOKEN)`;
}

/** A workspace secret's name, as a header reads it: {{ secrets.CRM_TOKEN }}. */
export const secretName = z.string().superRefine((name, context) => {
  const error = secretNameError(name);
  if (error) context.addIssue({ code: 'custom', message: error });
});
