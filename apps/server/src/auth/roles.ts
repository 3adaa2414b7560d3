import type { Role } from '@tend/db';

/**
 * What each role may do, from least to most. Each includes the ones before it:
 * - analyst: reads everything in the workspace, changes nothing;
 * - marketer: edits and publishes journeys, templates and segments;
 * - admin: manages members, invitations, API tokens and keys;
 * - owner: everything, including other owners and the workspace itself.
 */
const rank: Record<Role, number> = { analyst: 0, marketer: 1, admin: 2, owner: 3 };

export function roleAllows(held: Role, needed: Role): boolean {
  return rank[held] >= rank[needed];
}
