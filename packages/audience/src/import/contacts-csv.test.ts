import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { contacts, eq, imports, type Database } from '@tend/db';
import { insertContact } from '@tend/db/testing';
import { describe, expect } from 'vitest';
import { importContactsCsv, previewContactsCsv, type ContactsCsvMapping } from './contacts-csv.js';
import { databaseTest } from '../testing/database-test.js';

const test = databaseTest();

const mapping: ContactsCsvMapping = { userId: 'Customer', email: 'E-mail', traits: { firstName: 'First name', plan: 'Plan' } };

const people = [
  'Customer,E-mail,First name,Plan,Ignored',
  'c1,ada@example.com,Ada,gold,x',
  'c2,,Grace,,x',
  ',nobody@example.com,Nobody,free,x',
  'c3,not-an-email,Alan,free,x',
  'c4,"barbara@example.com",Barbara,"silver, yearly",x',
].join('\n');

function file(text: string): Readable {
  return Readable.from([Buffer.from(text)]);
}

async function stored(db: Database, workspaceId: string) {
  return db
    .select({ userId: contacts.userId, email: contacts.email, traits: contacts.traits })
    .from(contacts)
    .where(eq(contacts.workspaceId, workspaceId))
    .orderBy(contacts.userId);
}

describe('importContactsCsv', () => {
  test('creates contacts through the mapping and reports bad rows by line', async ({ db, workspaceId }) => {
    const summary = await importContactsCsv(db, { workspaceId, input: file(people), mapping });

    expect(summary).toEqual({
      rows: 5,
      imported: 3,
      errors: 2,
      problems: [
        { line: 4, problem: 'no Customer: a contact needs its userId' },
        { line: 5, problem: 'E-mail "not-an-email" is not an email address' },
      ],
    });
    expect(await stored(db, workspaceId)).toEqual([
      { userId: 'c1', email: 'ada@example.com', traits: { firstName: 'Ada', plan: 'gold' } },
      { userId: 'c2', email: null, traits: { firstName: 'Grace' } },
      { userId: 'c4', email: 'barbara@example.com', traits: { firstName: 'Barbara', plan: 'silver, yearly' } },
    ]);
  });

  test('merges into contacts that exist, and a second run changes nothing', async ({ db, workspaceId }) => {
    await insertContact(db, { id: 'c1', workspaceId, email: 'old@example.com', traits: { plan: 'free', city: 'Leeds' } });
    await importContactsCsv(db, { workspaceId, input: file(people), mapping, chunkSize: 2 });
    const first = await db.select().from(contacts).where(eq(contacts.workspaceId, workspaceId)).orderBy(contacts.userId);

    await importContactsCsv(db, { workspaceId, input: Readable.from([gzipSync(people)]), mapping, chunkSize: 2 });

    expect(first.find((contact) => contact.userId === 'c1')).toMatchObject({ email: 'ada@example.com', traits: { plan: 'gold', city: 'Leeds', firstName: 'Ada' } });
    expect(await db.select().from(contacts).where(eq(contacts.workspaceId, workspaceId)).orderBy(contacts.userId)).toEqual(first);
  });

  test('refuses a mapping that names a column the file does not have', async ({ db, workspaceId }) => {
    await expect(importContactsCsv(db, { workspaceId, input: file(people), mapping: { userId: 'Customer ID' } })).rejects.toThrow(
      'the file has no column "Customer ID" (its columns: Customer, E-mail, First name, Plan, Ignored)',
    );
  });
});

describe('previewContactsCsv', () => {
  test('shows the columns and the first rows, raw and mapped', async () => {
    const preview = await previewContactsCsv(file(people), { mapping, limit: 3 });
    expect(preview.columns).toEqual(['Customer', 'E-mail', 'First name', 'Plan', 'Ignored']);
    expect(preview.records).toHaveLength(3);
    expect(preview.records[0]).toEqual({ line: 2, record: { Customer: 'c1', 'E-mail': 'ada@example.com', 'First name': 'Ada', Plan: 'gold', Ignored: 'x' } });
    expect(preview.mapped).toEqual([
      { line: 2, contact: { userId: 'c1', email: 'ada@example.com', traits: { firstName: 'Ada', plan: 'gold' } } },
      { line: 3, contact: { userId: 'c2', email: null, traits: { firstName: 'Grace' } } },
      { line: 4, problem: 'no Customer: a contact needs its userId' },
    ]);
  });
});

describe('contacts imports on record', () => {
  test('are kept in the import history, and a file stopped half-way resumes after its last committed row', async ({ db, workspaceId }) => {
    const rows = ['Customer,E-mail', ...Array.from({ length: 5 }, (_, i) => `r${i},r${i}@example.com`)].join('\n');
    let chunks = 0;
    const stopped = importContactsCsv(db, {
      workspaceId,
      input: file(rows),
      source: 'people.csv',
      mapping: { userId: 'Customer', email: 'E-mail' },
      chunkSize: 2,
      onProgress: () => {
        if (++chunks === 2) throw new Error('the upload was cut');
      },
    });
    await expect(stopped).rejects.toThrow('the upload was cut');
    const [interrupted] = await db.select().from(imports).where(eq(imports.workspaceId, workspaceId));
    expect(interrupted).toMatchObject({ kind: 'contacts-csv', source: 'people.csv', status: 'failed', linesDone: 5 });

    const resumed = await importContactsCsv(db, { workspaceId, input: file(rows), source: 'people.csv', mapping: { userId: 'Customer', email: 'E-mail' }, chunkSize: 2 });
    expect(resumed).toMatchObject({ rows: 5, imported: 1, errors: 0 });
    const [done] = await db.select().from(imports).where(eq(imports.workspaceId, workspaceId));
    expect(done).toMatchObject({ status: 'done', linesDone: 6 });
    expect(await db.select().from(contacts).where(eq(contacts.workspaceId, workspaceId))).toHaveLength(5);
  });
});
