import { and, contacts, eq, or, textIn, type SQL, type Transaction } from '@tend/db';
import type { IncomingEvent } from './schemas.js';

/** What a call carrying both a userId and an anonymousId does to identities. */
export type IdentityNeed =
  /** Nothing: its contact already holds the anonymousId, or cannot (see claimAnonymousId). */
  | 'none'
  /** Its contact takes the anonymousId nobody holds: done for the whole run after it is claimed. */
  | 'attach'
  /** An anonymous-only contact holds the anonymousId: merged, in a step of its own. */
  | 'merge';

/**
 * Who holds the ids a batch names, so that storing stays set-based: most calls with both ids
 * (analytics.js sends both on every call once a user is known) change nothing, and only the
 * rare call that merges is stored on its own. One SELECT for the batch, and one after each
 * alias; none for a batch where no call carries both ids.
 */
export class BatchIdentities {
  /** anonymousId → its holder's userId, null when the holder is anonymous-only. */
  private holders = new Map<string, string | null>();
  /** userId → the anonymousId its contact holds (null: none); absent: no such contact yet. */
  private anonymousIdOf = new Map<string, string | null>();
  /** anonymousIds earlier calls named alone, creating an anonymous contact. */
  private namedAlone = new Set<string>();

  private constructor(
    private readonly tx: Transaction,
    private readonly workspaceId: string,
    private readonly anonymousIds: string[],
    private readonly userIds: string[],
  ) {}

  static async read(tx: Transaction, workspaceId: string, calls: IncomingEvent[]): Promise<BatchIdentities> {
    const anonymousIds = new Set<string>();
    const userIds = new Set<string>();
    for (const call of calls) {
      if (call.type === 'alias') {
        // An alias's ids may be either kind: both are read, as the alias will move them.
        for (const id of [call.previousId, call.userId]) {
          anonymousIds.add(id);
          userIds.add(id);
        }
        continue;
      }
      if (call.anonymousId) anonymousIds.add(call.anonymousId);
      if (call.userId) userIds.add(call.userId);
    }
    const needed = calls.some((call) => call.type !== 'alias' && call.userId && call.anonymousId);
    const identities = new BatchIdentities(tx, workspaceId, needed ? [...anonymousIds] : [], needed ? [...userIds] : []);
    await identities.refresh();
    return identities;
  }

  /** Reads the holders again, after an alias moved ids (which ones depends on both contacts). */
  async refresh(): Promise<void> {
    this.holders.clear();
    this.anonymousIdOf.clear();
    const named: SQL[] = [];
    if (this.anonymousIds.length > 0) named.push(textIn(contacts.anonymousId, this.anonymousIds));
    if (this.userIds.length > 0) named.push(textIn(contacts.userId, this.userIds));
    if (named.length === 0) return;
    const rows = await this.tx
      .select({ userId: contacts.userId, anonymousId: contacts.anonymousId })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, this.workspaceId), or(...named)));
    for (const { userId, anonymousId } of rows) {
      if (anonymousId !== null) this.holders.set(anonymousId, userId);
      if (userId !== null) this.anonymousIdOf.set(userId, anonymousId);
    }
  }

  /** A call names this anonymousId without a userId. */
  namedAnonymously(anonymousId: string): void {
    if (!this.holders.has(anonymousId)) this.namedAlone.add(anonymousId);
  }

  /**
   * A call merged the anonymous-only contact holding `anonymousId` into `userId`'s, which took
   * the anonymousId if it had none (else the id is held by nobody now).
   */
  merged(userId: string, anonymousId: string): void {
    if (this.anonymousIdOf.get(userId)) {
      this.holders.delete(anonymousId);
      return;
    }
    this.holders.set(anonymousId, userId);
    this.anonymousIdOf.set(userId, anonymousId);
  }

  /** What this call does; an attach is counted as done, so later calls see the id taken. */
  need(userId: string, anonymousId: string): IdentityNeed {
    if (this.holders.has(anonymousId)) return this.holders.get(anonymousId) === null ? 'merge' : 'none';
    if (this.namedAlone.has(anonymousId)) return 'merge';
    if (this.anonymousIdOf.get(userId)) return 'none';
    this.holders.set(anonymousId, userId);
    this.anonymousIdOf.set(userId, anonymousId);
    return 'attach';
  }
}
