/**
 * A link the server built from its public URL, made absolute: without TEND_PUBLIC_URL the
 * server sends a path ("/#/invitation/inv_…"), and the console's own origin completes it.
 */
export function absoluteLink(link: string, origin: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(link)) return link;
  const base = origin.replace(/\/+$/, '');
  return link.startsWith('/') ? `${base}${link}` : `${base}/${link}`;
}

/** The CLI command that stores an API token for this console's server. */
export function loginCommand(origin: string, token: string): string {
  return `npx tend login --url ${origin.replace(/\/+$/, '')} --token ${token}`;
}
