/** What a merge reads of each contact's profile row. */
export interface ProfileRow {
  id: string;
  userId: string | null;
  anonymousId: string | null;
  email: string | null;
  traits: Record<string, unknown>;
  updatedAt: Date;
}

/** The merged profile `into` is given, and what of `from` could not be kept. */
export interface MergedProfile {
  userId: string | null;
  anonymousId: string | null;
  email: string | null;
  traits: Record<string, unknown>;
  /** Trait names whose value came from `from` (names only: the merge record keeps no values). */
  traitsTaken: string[];
  /** `from`'s ids that `into` had no room for (a contact row holds one of each). */
  dropped: { userId?: string; anonymousId?: string };
}

/** Which of two profiles changed last, when the caller knows better than `updated_at`. */
export type NewerProfile = 'from' | 'into';

/**
 * One person's profile from two. Traits: the profile changed more recently wins key by key
 * (Tend keeps no per-trait dates, so "newer" is the profile's `updated_at`, a tie going to
 * `into`, unless the caller says which is newer), and keys only one of them has are all kept.
 * The email follows the same rule, falling back to the other's. Identities: `into` keeps its
 * userId and anonymousId and takes `from`'s where it has none.
 */
export function mergedProfile(into: ProfileRow, from: ProfileRow, newer?: NewerProfile): MergedProfile {
  const fromIsNewer = newer === undefined ? from.updatedAt.getTime() > into.updatedAt.getTime() : newer === 'from';
  const [older, newest] = fromIsNewer ? [into, from] : [from, into];
  const traits = { ...older.traits, ...newest.traits };
  const traitsTaken = Object.keys(from.traits).filter((name) => !(name in into.traits) || fromIsNewer);
  const dropped: MergedProfile['dropped'] = {};
  if (into.userId !== null && from.userId !== null && from.userId !== into.userId) dropped.userId = from.userId;
  if (into.anonymousId !== null && from.anonymousId !== null && from.anonymousId !== into.anonymousId) dropped.anonymousId = from.anonymousId;
  return {
    userId: into.userId ?? from.userId,
    anonymousId: into.anonymousId ?? from.anonymousId,
    email: newest.email ?? older.email,
    traits,
    traitsTaken: traitsTaken.sort(),
    dropped,
  };
}
