/**
 * An id as a reader would type it from a name: "Welcome série #2" → "welcome-serie-2". Lower-case
 * letters, digits and single dashes, at most `maxLength` characters; empty when the name has none.
 */
export function slugFrom(name: string, maxLength: number): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}
