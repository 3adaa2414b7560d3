import type { Role } from '../trpc';

/**
 * The roles from least to most, as the server ranks them (apps/server/src/auth/roles.ts); each
 * includes the ones before it. The server enforces every rule here: the console only hides or
 * explains what a role cannot do. The `satisfies` check fails if the server adds a role.
 */
export const roles = ['analyst', 'marketer', 'admin', 'owner'] as const satisfies readonly Role[];
type Exhaustive = Role extends (typeof roles)[number] ? true : never;
const _exhaustive: Exhaustive = true;

export function roleAllows(held: Role, needed: Role): boolean {
  return roles.indexOf(held) >= roles.indexOf(needed);
}

/** "an analyst", "a marketer". */
export function withArticle(role: Role): string {
  return `${role === 'analyst' || role === 'admin' || role === 'owner' ? 'an' : 'a'} ${role}`;
}

/** Why a control is off for this role, or null when the role may use it. */
export function roleHint(held: Role, needed: Role): string | null {
  return roleAllows(held, needed) ? null : `Needs the ${needed} role; you are ${withArticle(held)}.`;
}

/** Roles an invitation may carry: only an owner hands out the owner role. */
export function grantableRoles(held: Role): Role[] {
  if (!roleAllows(held, 'admin')) return [];
  return roles.filter((role) => role !== 'owner' || held === 'owner');
}

/** Roles a new API token may carry: never more rights than its creator's. */
export function tokenRoles(held: Role): Role[] {
  if (!roleAllows(held, 'admin')) return [];
  return roles.filter((role) => roleAllows(held, role));
}

export interface MemberControls {
  /** The roles the member can be given, theirs included; empty when it cannot be changed. */
  roleOptions: Role[];
  canRemove: boolean;
  /** Why the controls are off, when they are. */
  hint: string | null;
}

/**
 * What the reader may do to one member: admins manage members, only an owner changes or
 * removes an owner, and a workspace keeps at least one owner.
 */
export function memberControls(held: Role, member: Role, owners: number): MemberControls {
  if (!roleAllows(held, 'admin')) return { roleOptions: [], canRemove: false, hint: 'Only admins and owners manage members.' };
  if (member === 'owner' && held !== 'owner') return { roleOptions: [], canRemove: false, hint: 'Only an owner can change or remove an owner.' };
  if (member === 'owner' && owners <= 1) return { roleOptions: [], canRemove: false, hint: 'A workspace keeps at least one owner: make someone else owner first.' };
  return { roleOptions: grantableRoles(held), canRemove: true, hint: null };
}

/** A role from a form control's string value; null for anything else. */
export function asRole(value: string): Role | null {
  return roles.find((role) => role === value) ?? null;
}
