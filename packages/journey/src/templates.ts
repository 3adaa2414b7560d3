import { Liquid } from 'liquidjs';

// Strict filters so a misspelt filter fails at publish, not at send time.
const liquid = new Liquid({ strictFilters: true });

/** What a message template can read: the contact's profile and the event that made them enter. */
export const templateRoots = ['contact', 'event'] as const;

/** Returns why a Liquid template cannot be used, or null when it can. */
export function templateError(source: string): string | null {
  let roots: string[];
  try {
    roots = liquid.globalVariableSegmentsSync(source).map((segments) => String(segments[0]));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return `template does not parse: ${message.split('\n')[0]}`;
  }
  const unknown = roots.find((root) => !(templateRoots as readonly string[]).includes(root));
  if (unknown) return `the contact has no "${unknown}": templates read {{ contact.* }} (the profile) and {{ event.* }} (the entry event)`;
  return null;
}
