import { rfmScores, sql, type Database, type Transaction } from '@tend/db';
import { rfmGroups, type RfmGroupName } from './rfm-groups.js';

export interface RfmGroupSummary {
  name: RfmGroupName;
  contacts: number;
  /** The sum of the group's monetary values (the money property over the window). */
  revenue: number;
  /** revenue / all scored contacts' revenue; 0 when that is not positive. */
  revenueShare: number;
}

/** One cell of the R×F heatmap. */
export interface RfmGridCell {
  r: number;
  f: number;
  group: RfmGroupName;
  contacts: number;
  monetary: number;
}

export interface RfmSummary {
  /** The reference time of the stored scores; null when none has been computed. */
  computedAt: Date | null;
  /** Contacts scored. */
  contacts: number;
  revenue: number;
  /** All eleven groups, in `rfmGroups`' order, empty ones included. */
  groups: RfmGroupSummary[];
  /** All 25 cells, R from 5 down, then F from 1 up, empty ones included. */
  grid: RfmGridCell[];
}

interface Tally {
  group: string | null;
  r: number | null;
  f: number | null;
  contacts: number;
  monetary: number;
  /** Milliseconds since the epoch. */
  computedAt: number | null;
}

/**
 * What the workspace's stored RFM scores add up to, per group and per R×F cell, in one query
 * (two grouping sets over `rfm_scores`).
 */
export async function readRfmSummary(db: Database | Transaction, workspaceId: string): Promise<RfmSummary> {
  const { rows } = (await db.execute(sql`
    select "group", r, f, count(*)::int as contacts, sum(monetary)::float8 as monetary, (extract(epoch from max(computed_at)) * 1000)::float8 as "computedAt"
    from ${rfmScores}
    where workspace_id = ${workspaceId}
    group by grouping sets (("group"), (r, f))`)) as unknown as { rows: Tally[] };

  const byGroup = new Map(rows.filter((row) => row.group !== null).map((row) => [row.group, row]));
  const byCell = new Map(rows.filter((row) => row.group === null).map((row) => [`${row.r}:${row.f}`, row]));
  const contacts = sum([...byGroup.values()].map((row) => row.contacts));
  const revenue = sum([...byGroup.values()].map((row) => row.monetary));
  const computedAt = rows.find((row) => row.computedAt !== null)?.computedAt ?? null;

  const groups = rfmGroups.map(({ name }) => {
    const row = byGroup.get(name);
    const groupRevenue = row?.monetary ?? 0;
    return { name, contacts: row?.contacts ?? 0, revenue: groupRevenue, revenueShare: revenue > 0 ? groupRevenue / revenue : 0 };
  });
  const grid = rfmGroups
    .flatMap(({ name, cells }) => cells.map((cell) => ({ ...cell, group: name })))
    .sort((x, y) => y.r - x.r || x.f - y.f)
    .map((cell) => {
      const row = byCell.get(`${cell.r}:${cell.f}`);
      return { ...cell, contacts: row?.contacts ?? 0, monetary: row?.monetary ?? 0 };
    });
  return { computedAt: computedAt === null ? null : new Date(computedAt), contacts, revenue, groups, grid };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
