import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface TendProcess {
  child: ChildProcess;
  /** What `runCli` needs to act as this machine's CLI, which `npm start` signed in (its TEND_CONFIG_DIR). */
  cliEnv: Record<string, string>;
  output(): string;
  /** Resolves when GET /healthz answers 200, with its report. */
  waitUntilHealthy(timeoutMs?: number): Promise<unknown>;
}

/**
 * Runs `npm start`'s entry point as its own process, the way an operator runs Tend: on the
 * embedded defaults unless `env` names a DATABASE_URL, TEMPORAL_ADDRESS or SMTP_URL.
 */
export function spawnTend(url: string, env: Record<string, string>): TendProcess {
  const { DATABASE_URL: _inherited, ...parentEnv } = process.env;
  // The CLI credentials npm start writes go to a directory of this Tend's, never the user's ~/.config.
  const cliEnv = { TEND_CONFIG_DIR: env.TEND_CONFIG_DIR ?? mkdtempSync(join(tmpdir(), 'tend-cli-')) };
  const child = spawn(process.execPath, ['--conditions=@tend/source', '--import', 'tsx', 'apps/dev/src/main.ts'], {
    cwd: repoRoot,
    // Catchers on any free port, so Tends started by tests and benches never collide.
    env: { ...parentEnv, TEND_MAIL_CATCHER_PORT: '0', TEND_SMS_CATCHER_PORT: '0', ...cliEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    child,
    cliEnv,
    output: () => output,
    async waitUntilHealthy(timeoutMs = 90_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`Tend exited with ${child.exitCode}:\n${output}`);
        const report = await fetch(`${url}/healthz`).then((r) => (r.ok ? r.json() : null)).catch(() => null);
        if (report) return report;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`Tend was not healthy within ${timeoutMs} ms:\n${output}`);
    },
  };
}

/** Runs the `tend` CLI (with `env` added, e.g. a TendProcess's cliEnv) and returns its exit code and output. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['apps/cli/bin/tend.js', ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

export function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
