import { Liquid } from 'liquidjs';
import { secretNameError } from './secret-name.js';

// Strict filters so a misspelt filter fails at publish, not at send time.
const liquid = new Liquid({ strictFilters: true });

/** What a message template can read: the contact's profile and the event that made them enter. */
export const templateRoots = ['contact', 'event'] as const;
/** What an email template also reads: the recipient's own unsubscribe and preference-page links. */
export const emailLinkVariables = ['unsubscribe_url', 'preferences_url'] as const;

/** Why secrets are kept out of everything but header values, for the problems that say so. */
export const secretsOnlyInHeaders =
  '{{ secrets.* }} is filled in only in a webhook\'s header values (a body, a message or an address can be echoed back or logged): send the credential in a header';

/** Returns why a Liquid template cannot be used, or null when it can; an email's also read its links. */
export function templateError(source: string, channel?: 'email' | 'sms' | 'push'): string | null {
  const read = globalReads(source);
  if ('error' in read) return read.error;
  const roots: readonly string[] = channel === 'email' ? [...templateRoots, ...emailLinkVariables] : templateRoots;
  const unknown = read.segments.map((segments) => String(segments[0])).find((root) => !roots.includes(root));
  if (unknown === 'secrets') return secretsOnlyInHeaders;
  if (unknown) return `the contact has no "${unknown}": templates read {{ contact.* }} (the profile) and {{ event.* }} (the entry event)`;
  return null;
}

/**
 * The workspace secrets a header value reads, e.g. `Bearer {{ secrets.CRM_TOKEN }}` → CRM_TOKEN,
 * or why it cannot be used. A header reads secrets and nothing else: a contact's data has no
 * business in a credential, and each secret is named outright so publish and the worker know which.
 */
export function headerSecrets(source: string): { names: string[] } | { error: string } {
  const read = globalReads(source);
  if ('error' in read) return read;
  const names = new Set<string>();
  for (const [root, name, ...rest] of read.segments) {
    if (root !== 'secrets') return { error: `a header reads workspace secrets only, as {{ secrets.NAME }}; it cannot read "${String(root)}"` };
    if (typeof name !== 'string' || rest.length > 0) return { error: 'name the secret outright, as {{ secrets.NAME }}' };
    const error = secretNameError(name);
    if (error) return { error };
    names.add(name);
  }
  return { names: [...names] };
}

/** Every variable a template reads from outside itself, as segments: `secrets.CRM_TOKEN` → ['secrets', 'CRM_TOKEN']. */
function globalReads(source: string): { segments: ReturnType<Liquid['globalVariableSegmentsSync']> } | { error: string } {
  try {
    return { segments: liquid.globalVariableSegmentsSync(source) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { error: `template does not parse: ${message.split('\n')[0]}` };
  }
}
