// `tend import` as an engineer runs it: the CLI streams the real Online Retail log (gzip) to a
// running Tend (npm start), which imports it while the CLI draws progress. An interrupted import
// resumes; a second run adds nothing.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onlineRetailDataSet } from '@tend/audience/data-sets';
import type { DevServer } from '@tend/dev';
import { exited, freePort, runCli, spawnTend, startSmtpPeer, startTemporalOnFreePorts, type SmtpPeer, type TendProcess } from '../support/index.js';

const dataSet = onlineRetailDataSet();
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The summary's "name: value" lines, as numbers. */
function figures(stdout: string): Record<string, number> {
  return Object.fromEntries([...stdout.matchAll(/^ {2}([a-z ]+): ([\d,]+)$/gm)].map(([, name, value]) => [name!, Number(value!.replace(/,/g, ''))]));
}

describe('tend import against a running Tend', () => {
  let temporal: DevServer;
  let smtp: SmtpPeer;
  let tend: TendProcess;
  let url: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'tend-import-'));

  beforeAll(async () => {
    temporal = await startTemporalOnFreePorts(join(dataDir, 'temporal'));
    smtp = await startSmtpPeer();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    tend = spawnTend(url, { PORT: String(port), TEMPORAL_ADDRESS: temporal.address, SMTP_URL: smtp.url, TEND_DATA_DIR: join(dataDir, 'tend'), TEND_WRITE_KEY: 'import-test-key' });
    await tend.waitUntilHealthy();
  }, 120_000);
  afterAll(async () => {
    tend?.child.kill('SIGTERM');
    if (tend) await exited(tend.child);
    await smtp?.stop();
    await temporal?.stop();
  });

  it.runIf(dataSet !== null)('resumes an import stopped half-way, reproduces the data set’s figures, and adds nothing the second time', async () => {
    const onlineRetail = dataSet!;
    // Stopped half-way: the CLI is killed while the server is importing.
    const interrupted = spawn(process.execPath, ['apps/cli/bin/tend.js', 'import', onlineRetail, '--url', url], { cwd: repoRoot, env: { ...process.env, ...tend.cliEnv }, stdio: 'pipe' });
    let shown = '';
    interrupted.stdout.on('data', (chunk: Buffer) => (shown += chunk.toString()));
    interrupted.stderr.on('data', (chunk: Buffer) => (shown += chunk.toString()));
    await expect.poll(() => /[1-9]\d*,?\d* rows/.test(shown), { timeout: 60_000, interval: 200 }).toBe(true);
    interrupted.kill('SIGKILL');
    await exited(interrupted);

    const resumed = await runCli(['import', onlineRetail, '--url', url], tend.cliEnv);
    expect(resumed.stderr).toContain('100% | 541,909 rows'); // the progress bar, drawn on stderr
    expect(resumed.code).toBe(0);
    const summary = figures(resumed.stdout);
    expect(summary['resumed after line']).toBeGreaterThan(0);
    expect(summary).toMatchObject({
      lines: 541_909,
      'cancellation lines': 9_288,
      'lines without customer': 135_080,
      'customers with valid purchase': 4_338,
      'valid invoices': 18_532,
    });
    expect(summary['events written']).toBeLessThan(18_532 + 3_836); // the first run had written some

    const again = await runCli(['import', onlineRetail, '--url', url], tend.cliEnv);
    expect(again.code).toBe(0);
    expect(figures(again.stdout)['events written']).toBe(0);
  }, 240_000);

  it('imports a contacts CSV with a column mapping, reporting a bad row by its line and keeping the others', async () => {
    const file = join(dataDir, 'contacts.csv');
    writeFileSync(file, 'customer_id,mail,first_name\nc-1,ada@example.com,Ada\n,nobody@example.com,Nobody\nc-3,grace@example.com,Grace\n');
    const imported = await runCli(['import', file, '--kind', 'contacts', '--map', 'userId=customer_id', 'email=mail', 'trait.firstName=first_name', '--url', url], tend.cliEnv);
    expect(imported.code).toBe(0);
    expect(figures(imported.stdout)).toMatchObject({ rows: 3, imported: 2, errors: 1 });
    expect(imported.stdout).toMatch(/line 3: .*customer_id/);
  }, 60_000);

  it('refuses an import without an API token, and a contacts import that does not say which column is the userId', async () => {
    const anonymous = await fetch(`${url}/api/imports/online-retail`, { method: 'POST', body: 'x' });
    expect(anonymous.status).toBe(401);
    const unmapped = await runCli(['import', 'anything.csv', '--kind', 'contacts', '--url', url], tend.cliEnv);
    expect(unmapped.code).toBe(2);
    expect(unmapped.stderr).toContain('--map userId=<column>');
  });
});
