import { parseSegmentDefinition, previewSegment, segmentSql } from '@tend/audience';
import { contacts, sql, type Database, type SQL } from '@tend/db';
import type { Condition } from '@tend/journey/ir';
import { format, number, progress, type Comparison } from '../report.js';
import { summarize } from '../stats.js';
import { takeTurns } from './timed.js';

const runs = 10;

interface CountProbe {
  /** As the table names it. */
  label: string;
  definition: Condition;
  /** The same question as one hand-written count, without the segment compiler. */
  plainCount(workspaceId: string, asOf: Date): SQL;
}

const probes: CountProbe[] = [
  {
    label: 'country = Germany',
    definition: { kind: 'attribute', attribute: 'country', op: 'eq', value: 'Germany' },
    plainCount: (workspaceId) => sql`select count(*)::int as count from contacts where workspace_id = ${workspaceId} and traits ->> 'country' = 'Germany'`,
  },
  {
    label: '5+ orders > £100 in 90 days',
    definition: { kind: 'event-count', event: 'Order Completed', filters: [{ property: 'revenue', op: 'gt', value: 100 }], atLeast: 5, withinDays: 90 },
    plainCount: (workspaceId, asOf) => sql`
      select count(*)::int as count from (
        select contact_id from events
        where workspace_id = ${workspaceId} and type = 'track' and name = 'Order Completed'
          and (properties ->> 'revenue')::numeric > 100 and occurred_at >= ${asOf.toISOString()}::timestamptz - interval '90 days'
        group by contact_id having count(*) >= 5
      ) as frequent`,
  },
];

/**
 * The segment builder's live count: previewSegment (checks the definition, compiles it, counts
 * and reads the first 20 members) for a trait condition and an event-count condition, beside a
 * plain count(*) with the equivalent hand-written WHERE. p50 and p95 of `runs`, taking turns.
 */
export async function benchSegmentCounts(db: Database, workspaceId: string, asOf: Date) {
  const rows: Comparison[] = [];
  const notes: string[] = [];
  for (const probe of probes) {
    progress(`live count "${probe.label}": previewSegment, a plain count(*) and the compiled WHERE, ${runs} times each`);
    let previewed = NaN;
    let counted = NaN;
    const compiled = segmentSql(parseSegmentDefinition(probe.definition), { workspaceId, asOf });
    const samples = await takeTurns(runs, {
      preview: async () => (previewed = (await previewSegment(db, workspaceId, probe.definition, asOf)).count),
      plain: async () => (counted = ((await db.execute(probe.plainCount(workspaceId, asOf))) as unknown as { rows: { count: number }[] }).rows[0]!.count),
      // Where preview's time goes: the compiled WHERE in one count, without the sample query.
      compiled: () => db.select({ count: sql<number>`count(*)::int` }).from(contacts).where(compiled),
    });
    const preview = summarize(samples.preview);
    const plain = summarize(samples.plain);
    rows.push(
      { figure: `previewSegment "${probe.label}", p50`, value: preview.p50, baseline: 'plain count(*), p50', base: plain.p50, unit: 'duration' },
      { figure: `previewSegment "${probe.label}", p95`, value: preview.p95, baseline: 'plain count(*), p95', base: plain.p95, unit: 'duration' },
    );
    notes.push(
      `"${probe.label}": ${number(previewed)} contacts by previewSegment, ${number(counted)} by the plain count${previewed === counted ? '' : ' (they differ!)'}; ` +
        `the compiled WHERE (segmentSql) in one count(*) alone: p50 ${format(summarize(samples.compiled).p50, 'duration')}.`,
    );
  }
  notes.push(`Live counts: ${runs} of each, with ${runs} samples p95 is the slowest; previewSegment runs two queries (the count and the first 20 members), the baseline one.`);
  return { rows, notes };
}
