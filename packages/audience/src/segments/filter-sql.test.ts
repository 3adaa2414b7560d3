import { contacts, eq, sql, type Database } from '@tend/db';
import { availableTestDatabases, insertContact, openTestDatabase, seedWorkspace, testWorkspaceId } from '@tend/db/testing';
import { filterOps, getPath, matchesFilter, type FilterOp, type Scalar } from '@tend/journey/ir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterSql } from './filter-sql.js';
import { jsonAt } from './json-sql.js';

/**
 * The SQL filters against the journey evaluator itself: every operator and many expected values
 * over contacts whose trait `v` holds one value each, from plain to awkward. For each test, the
 * contacts SQL selects must be exactly those matchesFilter accepts.
 */
const stored: unknown[] = [
  // numbers, and how JavaScript writes them
  72.5, 50, 9, 0, -1.5, 3, 1234, 1e21, 1.5e-7, 0.1 + 0.2, 123456789,
  // numeric text
  '50', '72.50', ' 9 ', '-1.5', '.5', '5.', '2e3', '2E3', '01234', '1e400', '1e-400', '-0', '0x10', 'Infinity', '1,000', '12abc', '', ' ',
  // text
  'EUR', 'eur', 'Summer Sale Receipt', 'École', 'true', 'vip', 'A1', '%_\\',
  // dates and date-times, real and not
  '2026-06-30', '2026-01-01', '2026-03-01T10:00:00Z', '2026-03-01T10:00:00.9999Z', '2026-01-01T10:00', '2026-01-01 09:30',
  '2026-01-01T09:30:00+0200', '2026-01-01T10:00:00+23:59', '2026-01-01T10:00:00+24:00', '2026-01-01T24:00:00Z', '2026-02-30',
  '2024-02-29', '2025-02-29', '1900-02-29', '2000-02-29', '2100-02-28', '0000-01-01', '0000-03-01T00:00:00-00:01', '1969-12-31T23:59:59.5Z', '9999-12-31', '2026-1-01', ' 2026-06-30\n',
  // booleans, null, arrays, objects
  true, false, null, ['vip', 'Gift', 3], [], [null], ['2026-01-01', 50], [[1]], { a: 1 }, { '0': 'zero' },
];

const expectedValues: (Scalar | Scalar[] | undefined)[] = [
  50, '50', 72.5, '72.50', 9, '9', 0, -1.5, 3, '3', 1234, 1e21, '1e21', 2000, 0.30000000000000004, 1.5e-7,
  'EUR', 'eur', 'sale', 'SUMMER sale', 'é', 'É', 'vip', 'gift', 'v', '', '%', '_', '1e+21', '1.5e-7', '0.3',
  true, false, 'true', null, undefined,
  '2026-01-01', '2026-06-30T00:00:00Z', '2026-03-01T11:00:00+02:00', '2026-01-01T10:00:00Z', '0000-01-01', '2024-02-29',
  // the exact instants of stored date-times: ordered equal (gte and lte) only if read to the millisecond
  '2026-03-01T10:00:00.999Z', '1969-12-31T23:59:59.500Z', '2026-01-01T07:30:00Z', '2026-01-01T09:30:00Z', '2025-12-31T10:01:00Z',
  '1900-03-01', '2000-02-29', '2100-02-28T00:00:00Z', '0000-02-29T23:59Z', '0000-03-01T00:01:00Z',
  ['USD', 'EUR'], ['gold', 'vip'], [10, 50], [], ['2026-01-01'], [true], [null],
];

describe.each(availableTestDatabases())('property filters in SQL (%s)', (kind) => {
  let close: () => Promise<void>;
  let db: Database;
  const traitsById = new Map<string, Record<string, unknown>>();

  beforeAll(async () => {
    const handle = await openTestDatabase(kind);
    close = handle.close;
    db = handle.db;
    await seedWorkspace(db);
    for (const [index, value] of stored.entries()) {
      const traits = { v: value };
      traitsById.set(`c${index}`, traits);
      await insertContact(db, { id: `c${index}`, traits });
    }
    traitsById.set('missing', {});
    await insertContact(db, { id: 'missing' });
  });
  afterAll(async () => {
    await close?.();
  });

  async function selected(test: ReturnType<typeof filterSql>): Promise<string[]> {
    const rows = await db
      .select({ id: contacts.id })
      .from(contacts)
      .where(sql`${eq(contacts.workspaceId, testWorkspaceId)} and ${test}`);
    return rows.map((row) => row.id).sort();
  }

  function accepted(property: string, op: FilterOp, value: Scalar | Scalar[] | undefined): string[] {
    return [...traitsById].filter(([, traits]) => matchesFilter(traits, { property, op, value })).map(([id]) => id).sort();
  }

  it.each(filterOps)('agrees with the evaluator on %s for every value', async (op) => {
    for (const value of expectedValues) {
      const inSql = await selected(filterSql(jsonAt(sql`${contacts.traits}`, 'v'), op, value));
      expect(inSql, `v ${op} ${JSON.stringify(value)}`).toEqual(accepted('v', op, value));
    }
  });

  it('reads paths as getPath does: objects by key, arrays only by all-digit keys', async () => {
    const document = { items: [{ sku: 'A1' }, { sku: 'B2' }], customer: { address: { city: 'Paris' } }, '0': 'zero', codes: { '01': 'x', '-1': 'y' }, title: 'Sale' };
    const paths = ['items.0.sku', 'items.1.sku', 'items.01.sku', 'items.-1.sku', 'items. 1.sku', 'items.+1.sku', 'items.9.sku', 'items.99999999999.sku', 'items.length', 'items.sku', 'customer.address.city', 'customer.phone', 'title.length', '0', 'codes.01', 'codes.-1', 'codes.1', ''];
    for (const path of paths) {
      const result = (await db.execute(sql`select ${jsonAt(sql`${JSON.stringify(document)}::jsonb`, path)} as value`)) as unknown as { rows: { value: unknown }[] };
      expect(result.rows[0]?.value ?? undefined, path).toEqual(getPath(document, path));
    }
  });
});
