import { and, contactAliases, contacts, eq, erasures, identityMerges, ingestionErrors, messages, pushSubscriptions, sql, type Database } from '@tend/db';
import { contactTables, countChanged, deleteContactRows, type ContactTable } from '../identity/contact-rows.js';
import { stopRunningEnrolments, type RunToEnd } from '../identity/runs-to-end.js';

export interface EraseContactOptions {
  /** Who asked: a member's user id or an API token's id, never whom. Kept in the audit record. */
  requestedBy: string | null;
  asOf?: Date;
}

export interface Erasure {
  erased: true;
  /** What was removed or scrubbed, by kind: all the audit record keeps. */
  counts: Record<string, number>;
  /** The contact's journeys that were running: the caller tells Temporal to end them once committed. */
  endRuns: RunToEnd[];
}

/** What stands in for the contact on the ledger rows kept after an erasure. */
export const erasedContactId = 'erased';

/**
 * Erases a contact, in one transaction: the profile, its events, list, segment and account
 * memberships, journey history (visits, enrolments, profile changes), scores, push
 * subscriptions, merge records, the aliases and refused calls that name its ids, and the personal
 * fields of its messages. Leaves an `erasures` row with counts only. Returns null when the
 * workspace has no such contact.
 *
 * The send ledger's rows stay, scrubbed (no recipient, subject, content, provider id or contact):
 * their idempotency keys are what stops a send retried after this moment from going out again,
 * and they keep the journeys' sent and opened counts true. Running journeys are marked stopped
 * here and returned: until Temporal has been told, a run that reaches a send finds no contact
 * and skips it.
 */
export async function eraseContact(db: Database, workspaceId: string, contactId: string, { requestedBy, asOf = new Date() }: EraseContactOptions): Promise<Erasure | null> {
  return db.transaction(async (tx) => {
    const [profile] = await tx
      .select({ userId: contacts.userId, anonymousId: contacts.anonymousId })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)))
      .for('update');
    if (!profile) return null;

    const endRuns = await stopRunningEnrolments(tx, workspaceId, contactId, { reason: 'contact erased', asOf });
    const counts: Record<string, number> = { runs_stopped: endRuns.length };
    counts.messages_scrubbed = await countChanged(
      tx,
      sql`update ${messages} set contact_id = ${erasedContactId}, recipient = '', subject = null, html = null, body = null, last_error = null, provider_message_id = null
          where workspace_id = ${workspaceId} and contact_id = ${contactId}`,
    );
    for (const table of Object.keys(contactTables) as ContactTable[]) {
      if (table !== 'messages') counts[table] = await deleteContactRows(tx, table, workspaceId, contactId);
    }
    counts.push_subscriptions = await countChanged(tx, sql`delete from ${pushSubscriptions} where contact_id = ${contactId}`);
    counts.identity_merges = await countChanged(
      tx,
      sql`delete from ${identityMerges} where workspace_id = ${workspaceId} and (from_contact_id = ${contactId} or into_contact_id = ${contactId})`,
    );
    const ids = [profile.userId, profile.anonymousId].filter((id): id is string => id !== null);
    counts.contact_aliases = counts.ingestion_errors = 0;
    if (ids.length > 0) {
      const named = sql.join(ids.map((id) => sql`${id}`), sql`, `);
      counts.contact_aliases = await countChanged(tx, sql`delete from ${contactAliases} where workspace_id = ${workspaceId} and (previous_id in (${named}) or user_id in (${named}))`);
      // Refused calls are kept with their payload for the event debugger: those that named the person go too.
      counts.ingestion_errors = await countChanged(
        tx,
        sql`delete from ${ingestionErrors} where workspace_id = ${workspaceId}
            and (payload->>'userId' in (${named}) or payload->>'anonymousId' in (${named}) or payload->>'previousId' in (${named}))`,
      );
    }
    counts.contacts = await countChanged(tx, sql`delete from ${contacts} where id = ${contactId}`);

    await tx.insert(erasures).values({ workspaceId, requestedBy, counts, erasedAt: asOf });
    return { erased: true as const, counts, endRuns };
  });
}
