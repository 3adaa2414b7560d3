import { and, asc, eq, identityMerges, type Database } from '@tend/db';

/** One profile merged into a contact, as the contact page lists it. */
export interface ContactMerge {
  fromContactId: string;
  via: string;
  messageId: string | null;
  detail: Record<string, unknown>;
  mergedAt: Date;
}

/**
 * The profiles merged into a contact, oldest first, including those merged into a profile that
 * was itself merged into it later (a merge hands its history on).
 */
export async function contactMerges(db: Database, workspaceId: string, contactId: string): Promise<ContactMerge[]> {
  return db
    .select({ fromContactId: identityMerges.fromContactId, via: identityMerges.via, messageId: identityMerges.messageId, detail: identityMerges.detail, mergedAt: identityMerges.mergedAt })
    .from(identityMerges)
    .where(and(eq(identityMerges.workspaceId, workspaceId), eq(identityMerges.intoContactId, contactId)))
    .orderBy(asc(identityMerges.mergedAt), asc(identityMerges.id));
}
