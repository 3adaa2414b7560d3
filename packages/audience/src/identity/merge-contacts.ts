import { and, contacts, eq, identityMerges, inArray, pushSubscriptions, sql, type Database } from '@tend/db';
import { contactTables, countChanged, moveContactRows, type ContactTable } from './contact-rows.js';
import { mergedProfile, type NewerProfile, type ProfileRow } from './merged-profile.js';
import { journeysBothRun, stopRunningEnrolments, type RunToEnd } from './runs-to-end.js';

/** The call that showed two profiles are one person (its type); `manual` for a merge asked for by hand. */
export type MergeVia = 'identify' | 'track' | 'page' | 'screen' | 'group' | 'alias' | 'manual';

export interface MergeContactsOptions {
  workspaceId: string;
  /** The contact merged away: deleted once everything it had belongs to `into`. */
  from: string;
  /** The contact kept. */
  into: string;
  via: MergeVia;
  /** The call's messageId, when a call showed it. */
  messageId?: string | null;
  /** When the merge happens (recorded, and when `from`'s runs are marked ended). */
  asOf?: Date;
  /**
   * Which profile changed last, when `updated_at` cannot tell: profiles changed by earlier
   * calls of the same transaction (a batch) share its start time. Undefined: by `updated_at`.
   */
  newer?: NewerOf;
}

/** Which of two contacts (by id) changed last, if the caller knows; see MergeContactsOptions.newer. */
export type NewerOf = (from: string, into: string) => NewerProfile | undefined;

/** What a merge moved, as recorded in `identity_merges.detail`: counts and names, no trait values. */
export interface MergeDetail {
  moved: Record<ContactTable | 'push_subscriptions', number>;
  /** Runs of `from` ended by the merge. */
  endedRuns: { journeyId: string; workflowId: string }[];
  /** Journeys both were running: `into`'s run goes on (its id is in `endedRuns` for `from`). */
  keptRuns: string[];
  traitsTaken: string[];
  droppedIdentities: { userId?: string; anonymousId?: string };
}

export interface MergeOutcome {
  merged: true;
  from: string;
  into: string;
  /** `from`'s runs, already recorded as stopped: the caller tells Temporal once committed. */
  endRuns: RunToEnd[];
  detail: MergeDetail;
}

export class ContactNotFoundError extends Error {
  constructor(readonly contactId: string) {
    super(`contact ${contactId} does not exist in this workspace`);
    this.name = 'ContactNotFoundError';
  }
}

/**
 * Merges `from` into `into`, in one transaction (a savepoint inside the caller's): everything
 * is merged or, on any failure, nothing. `into` gains `from`'s events, journey history (node
 * visits, messages, profile changes, enrolments), list, segment and account memberships, scores
 * it lacks and push subscriptions; traits and identities as `mergedProfile` says. `from`'s
 * running journeys are ended, whether or not `into` runs the same journey: a run's workflow id
 * and input name the contact it was started for, so it cannot become `into`'s. The merge is
 * recorded in `identity_merges` (merges into `from` before now follow it to `into`), and `from`
 * is deleted.
 */
export async function mergeContacts(db: Database, options: MergeContactsOptions): Promise<MergeOutcome> {
  const { workspaceId, from, into, via, messageId = null, asOf = new Date() } = options;
  if (from === into) throw new Error(`cannot merge contact ${from} into itself`);
  return db.transaction(async (tx) => {
    const profiles = await lockProfiles(tx, workspaceId, [from, into]);
    const profile = mergedProfile(profiles.get(into)!, profiles.get(from)!, options.newer?.(from, into));

    const keptRuns = await journeysBothRun(tx, workspaceId, from, into);
    const endRuns = await stopRunningEnrolments(tx, workspaceId, from, { reason: `merged into ${into}`, asOf });
    const moved = {} as MergeDetail['moved'];
    for (const table of Object.keys(contactTables) as ContactTable[]) moved[table] = await moveContactRows(tx, table, workspaceId, from, into);
    moved.push_subscriptions = await countChanged(tx, sql`update ${pushSubscriptions} set contact_id = ${into} where contact_id = ${from}`);
    await tx.update(identityMerges).set({ intoContactId: into }).where(and(eq(identityMerges.workspaceId, workspaceId), eq(identityMerges.intoContactId, from)));

    // `from` goes first: its anonymousId is unique in the workspace and may be `into`'s next.
    await tx.delete(contacts).where(eq(contacts.id, from));
    const { userId, anonymousId, email, traits } = profile;
    // The database's clock, as every other profile change: "newer" compares these.
    await tx.update(contacts).set({ userId, anonymousId, email, traits, updatedAt: sql`now()` }).where(eq(contacts.id, into));

    const detail: MergeDetail = {
      moved,
      endedRuns: endRuns.map(({ journeyId, workflowId }) => ({ journeyId, workflowId })),
      keptRuns,
      traitsTaken: profile.traitsTaken,
      droppedIdentities: profile.dropped,
    };
    await tx.insert(identityMerges).values({ workspaceId, fromContactId: from, intoContactId: into, via, messageId, detail: { ...detail }, mergedAt: asOf });
    return { merged: true as const, from, into, endRuns, detail };
  });
}

/** Both profiles, locked in id order (two merges of the same pair cannot deadlock). */
async function lockProfiles(db: Database, workspaceId: string, ids: string[]): Promise<Map<string, ProfileRow>> {
  const rows = await db
    .select({ id: contacts.id, userId: contacts.userId, anonymousId: contacts.anonymousId, email: contacts.email, traits: contacts.traits, updatedAt: contacts.updatedAt })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.id, ids)))
    .orderBy(contacts.id)
    .for('update');
  const found = new Map(rows.map((row) => [row.id, row]));
  const missing = ids.find((id) => !found.has(id));
  if (missing) throw new ContactNotFoundError(missing);
  return found;
}
