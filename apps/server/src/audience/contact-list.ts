import { and, contacts, eq, lifetimeValues, rfmScores, segmentMemberships, sql, type Database, type SQL } from '@tend/db';
import { z } from 'zod';

export const contactListInput = z.object({
  /** Part of the contact id, userId, email or name (first, last or full). */
  search: z.string().trim().max(200).default(''),
  segment: z.string().trim().min(1).optional(),
  rfmGroup: z.string().trim().min(1).optional(),
  trait: z
    .object({
      name: z.string().trim().min(1, 'name the trait'),
      op: z.enum(['eq', 'neq', 'contains', 'exists', 'not_exists']),
      value: z.string().default(''),
    })
    .optional(),
  /** The `next` of the previous page. */
  after: z.string().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export type ContactListInput = z.input<typeof contactListInput>;

/**
 * One page of a workspace's contacts, newest first, filtered on the server (search, segment, RFM
 * group, trait) with the total that match. Pages by (created_at, id), so a page is an index
 * range however deep it is.
 */
export async function listContacts(db: Database, workspaceId: string, input: z.output<typeof contactListInput>) {
  const filters = and(eq(contacts.workspaceId, workspaceId), ...conditionsOf(workspaceId, input));
  const cursor = input.after ? decodeCursor(input.after) : null;
  const rows = await db
    .select({
      id: contacts.id,
      userId: contacts.userId,
      anonymousId: contacts.anonymousId,
      email: contacts.email,
      name: nameOf,
      createdAt: contacts.createdAt,
      rfmGroup: rfmScores.group,
      expectedSpend: lifetimeValues.expectedSpend,
    })
    .from(contacts)
    .leftJoin(rfmScores, and(eq(rfmScores.workspaceId, contacts.workspaceId), eq(rfmScores.contactId, contacts.id)))
    .leftJoin(lifetimeValues, and(eq(lifetimeValues.workspaceId, contacts.workspaceId), eq(lifetimeValues.contactId, contacts.id)))
    .where(and(filters, cursor ? sql`(${contacts.createdAt}, ${contacts.id}) < (${cursor.createdAt}, ${cursor.id})` : undefined))
    .orderBy(sql`${contacts.createdAt} desc, ${contacts.id} desc`)
    .limit(input.limit + 1);
  const [{ total } = { total: 0 }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(contacts)
    .leftJoin(rfmScores, and(eq(rfmScores.workspaceId, contacts.workspaceId), eq(rfmScores.contactId, contacts.id)))
    .where(filters);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return { rows: page, total, next: rows.length > input.limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

/** A display name from the usual traits: name, or first and last name. */
const nameOf = sql<string | null>`coalesce(nullif(${contacts.traits} ->> 'name', ''), nullif(trim(concat_ws(' ', ${contacts.traits} ->> 'firstName', ${contacts.traits} ->> 'lastName')), ''))`;

function conditionsOf(workspaceId: string, input: z.output<typeof contactListInput>): SQL[] {
  const conditions: SQL[] = [];
  if (input.search) {
    const like = `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      sql`(${contacts.id} ilike ${like} or ${contacts.userId} ilike ${like} or ${contacts.email} ilike ${like} or ${contacts.anonymousId} ilike ${like} or ${nameOf} ilike ${like})`,
    );
  }
  if (input.segment) {
    conditions.push(
      sql`exists (select 1 from ${segmentMemberships} where ${segmentMemberships.workspaceId} = ${workspaceId} and ${segmentMemberships.segment} = ${input.segment} and ${segmentMemberships.contactId} = ${contacts.id})`,
    );
  }
  if (input.rfmGroup) conditions.push(sql`${rfmScores.group} = ${input.rfmGroup}`);
  if (input.trait) {
    const value = sql`${contacts.traits} ->> ${input.trait.name}`;
    const { op } = input.trait;
    if (op === 'exists') conditions.push(sql`${contacts.traits} ? ${input.trait.name}`);
    else if (op === 'not_exists') conditions.push(sql`not (${contacts.traits} ? ${input.trait.name})`);
    else if (op === 'eq') conditions.push(sql`${value} = ${input.trait.value}`);
    else if (op === 'neq') conditions.push(sql`${value} is distinct from ${input.trait.value}`);
    else conditions.push(sql`${value} ilike ${`%${input.trait.value}%`}`);
  }
  return conditions;
}

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: string; id: string } | null {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    return typeof createdAt === 'string' && typeof id === 'string' ? { createdAt, id } : null;
  } catch {
    return null;
  }
}
