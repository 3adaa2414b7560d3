import { slugFrom } from '../ui/slug';

/** The server's rule for a workspace id (account.createWorkspace). */
export const workspaceIdPattern = /^[a-z0-9][a-z0-9-]{1,38}$/;

/**
 * An id suggested from a workspace's name: "Café Shop (EU)" → "cafe-shop-eu". Lower-case
 * letters, digits and single dashes, at most 39 characters; empty when the name has none.
 */
export function workspaceIdFrom(name: string): string {
  return slugFrom(name, 39);
}
