import { asc, contacts, sql, type Database } from '@tend/db';
import { parseSegmentDefinition } from './segment-definition.js';
import { segmentSql } from './segment-sql.js';

export interface SegmentPreview {
  /** Contacts matching the definition now. */
  count: number;
  /** The first of them by id, for the builder to show while the marketer edits. */
  sample: SegmentSampleContact[];
}

export interface SegmentSampleContact {
  id: string;
  userId: string | null;
  email: string | null;
  /** The `name` trait, else `firstName lastName`; null when the contact has neither. */
  name: string | null;
}

const sampleSize = 20;

/**
 * The live count and a sample of a definition being edited (not stored): checked as a stored
 * one would be (a SegmentError names the path of each problem), then two queries, a count and
 * the first contacts, nothing written.
 */
export async function previewSegment(db: Database, workspaceId: string, definition: unknown, asOf: Date): Promise<SegmentPreview> {
  const matches = segmentSql(parseSegmentDefinition(definition), { workspaceId, asOf });
  const [counted] = await db.select({ count: sql<number>`count(*)::int` }).from(contacts).where(matches);
  const sample = await db
    .select({
      id: contacts.id,
      userId: contacts.userId,
      email: contacts.email,
      name: sql<string | null>`coalesce(${contacts.traits} ->> 'name', nullif(concat_ws(' ', ${contacts.traits} ->> 'firstName', ${contacts.traits} ->> 'lastName'), ''))`,
    })
    .from(contacts)
    .where(matches)
    .orderBy(asc(contacts.id))
    .limit(sampleSize);
  return { count: counted?.count ?? 0, sample };
}
