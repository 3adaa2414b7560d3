import { and, asc, eq, segmentMemberships, segments, type Database, type Transaction } from '@tend/db';
import type { Condition } from '@tend/journey/ir';
import { parseSegmentDefinition } from './segment-definition.js';
import { SegmentError, type SegmentProblem } from './segment-error.js';
import { cycleProblems, segmentReferences } from './segment-references.js';

/** A stored segment, its definition read back as a condition. */
export interface Segment {
  id: string;
  name: string;
  description: string;
  definition: Condition;
  /** When membership was last recomputed in full, and how many were in it then (kept up to date by refreshes). */
  computedAt: Date | null;
  size: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewSegment {
  /** The slug journeys name the segment by, never changed; derived from the name when absent. */
  id?: string;
  name: string;
  description?: string;
  /** A journey condition (see @tend/journey conditionSchema), as the builder sends it. */
  definition: unknown;
}

export type SegmentChanges = Partial<Pick<NewSegment, 'name' | 'description' | 'definition'>>;

const slugPattern = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

/**
 * Stores a new segment after checking its id, name and definition (the journey condition schema,
 * that it compiles to SQL, and that it does not use itself through other segments). Membership
 * is empty until recomputeSegment runs.
 */
export async function createSegment(db: Database, workspaceId: string, input: NewSegment): Promise<Segment> {
  const id = input.id ?? slugOf(input.name);
  const problems = [...nameProblems(input.name), ...idProblems(id)];
  const definition = readDefinition(input.definition, problems);
  if (definition) problems.push(...cycleProblems(id, definition, await storedDefinitions(db, workspaceId)));
  if (problems.length > 0) throw new SegmentError('invalid', problems);
  const [row] = await db
    .insert(segments)
    .values({ workspaceId, id, name: input.name.trim(), description: input.description ?? '', definition })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new SegmentError('conflict', [{ path: 'id', message: `a segment "${id}" exists already: choose another id` }]);
  return segmentOf(row);
}

/** Renames, redescribes or redefines a segment (checked as on create). Call recomputeSegment after a new definition. */
export async function updateSegment(db: Database, workspaceId: string, id: string, changes: SegmentChanges): Promise<Segment> {
  const problems = changes.name === undefined ? [] : nameProblems(changes.name);
  const definition = changes.definition === undefined ? undefined : readDefinition(changes.definition, problems);
  if (definition) problems.push(...cycleProblems(id, definition, await storedDefinitions(db, workspaceId)));
  if (problems.length > 0) throw new SegmentError('invalid', problems);
  const [row] = await db
    .update(segments)
    .set({
      ...(changes.name !== undefined && { name: changes.name.trim() }),
      ...(changes.description !== undefined && { description: changes.description }),
      ...(definition && { definition }),
      updatedAt: new Date(),
    })
    .where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, id)))
    .returning();
  if (!row) throw notFound(id);
  return segmentOf(row);
}

/**
 * Deletes a segment and its memberships (recording no exits: the segment is gone). Refused while
 * other segments use it, naming them.
 */
export async function deleteSegment(db: Database, workspaceId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const users = [...(await storedDefinitions(tx, workspaceId))]
      .filter(([other, definition]) => other !== id && segmentReferences(definition).some((reference) => reference.segment === id))
      .map(([other]) => `"${other}"`);
    if (users.length > 0) throw new SegmentError('conflict', [{ path: '', message: `segment "${id}" is used by ${users.join(', ')}: remove it from their definitions first` }]);
    const deleted = await tx
      .delete(segments)
      .where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, id)))
      .returning({ id: segments.id });
    if (deleted.length === 0) throw notFound(id);
    await tx.delete(segmentMemberships).where(and(eq(segmentMemberships.workspaceId, workspaceId), eq(segmentMemberships.segment, id)));
  });
}

/** The workspace's segments, by name. */
export async function listSegments(db: Database, workspaceId: string): Promise<Segment[]> {
  const rows = await db.select().from(segments).where(eq(segments.workspaceId, workspaceId)).orderBy(asc(segments.name), asc(segments.id));
  return rows.map(segmentOf);
}

export async function getSegment(db: Database, workspaceId: string, id: string): Promise<Segment | null> {
  const [row] = await db
    .select()
    .from(segments)
    .where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, id)));
  return row ? segmentOf(row) : null;
}

/** The definition, or undefined with its problems added to `problems`. */
function readDefinition(input: unknown, problems: SegmentProblem[]): Condition | undefined {
  try {
    return parseSegmentDefinition(input);
  } catch (error) {
    if (!(error instanceof SegmentError)) throw error;
    problems.push(...error.problems);
    return undefined;
  }
}

/** Every stored segment's definition, by id. */
async function storedDefinitions(db: Database | Transaction, workspaceId: string): Promise<Map<string, Condition>> {
  const rows = await db.select({ id: segments.id, definition: segments.definition }).from(segments).where(eq(segments.workspaceId, workspaceId));
  return new Map(rows.map((row) => [row.id, row.definition as Condition]));
}

function segmentOf(row: typeof segments.$inferSelect): Segment {
  const { workspaceId: _workspace, definition, ...rest } = row;
  return { ...rest, definition: definition as Condition };
}

function nameProblems(name: string): SegmentProblem[] {
  return name.trim() === '' ? [{ path: 'name', message: 'name the segment, e.g. "Lapsed customers"' }] : [];
}

function idProblems(id: string): SegmentProblem[] {
  if (slugPattern.test(id) && id.length <= 64) return [];
  return [{ path: 'id', message: 'use up to 64 lowercase letters, digits, "-" or "_" for the id, e.g. "lapsed-customers"' }];
}

/** "Lapsed customers (90 days)" → "lapsed-customers-90-days". */
function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

function notFound(id: string): SegmentError {
  return new SegmentError('not-found', [{ path: '', message: `no segment "${id}" in this workspace` }]);
}
