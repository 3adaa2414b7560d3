import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

// A vitest run's shared directory: where its workers keep what every test file needs alike and
// costs seconds to make — a migrated database to copy (migrated-copy.ts) and the workflow bundle
// (e2e/src/support/workflow-bundle.ts) — each made from this run's sources by the first file that
// needs it, so a targeted run makes only what it uses. This file is the run's global setup
// (vitest.config.ts). It imports nothing of Tend: vitest loads a global setup without the
// "@tend/source" export condition test files get.

/** Set by the global setup: the run's shared directory. Workers inherit it with the environment. */
const testRunDirVariable = 'TEND_TEST_RUN_DIR';

/** The directory this test run's workers share, or undefined outside a run (bench, scripts). */
export function testRunDir(): string | undefined {
  return process.env[testRunDirVariable] || undefined;
}

/** The run's migrated database on the Postgres server, copied by CREATE DATABASE … TEMPLATE. */
export function postgresTemplateName(runDir: string): string {
  return `tend_template_${createHash('sha256').update(runDir).digest('hex').slice(0, 16)}`;
}

/** Written before the template is made: the teardown drops it only then, so a run that used no server connects to none. */
export function postgresTemplateNote(runDir: string): string {
  return join(runDir, 'postgres-template');
}

/** vitest's global setup: makes the run's directory; the returned teardown removes it and the template. */
export default async function setupTestRun(project: { onTestsRerun(callback: () => Promise<void>): void }): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'tend-test-run-'));
  process.env[testRunDirVariable] = dir;
  const forget = async () => {
    await dropPostgresTemplate(dir);
    for (const entry of await readdir(dir)) await rm(join(dir, entry), { recursive: true, force: true });
  };
  // In watch mode the sources may have changed since: a rerun makes everything again.
  project.onTestsRerun(forget);
  return async () => {
    await forget();
    await rm(dir, { recursive: true, force: true });
  };
}

async function dropPostgresTemplate(runDir: string): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url || !existsSync(postgresTemplateNote(runDir))) return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${postgresTemplateName(runDir)}"`);
  } finally {
    await admin.end();
  }
}
