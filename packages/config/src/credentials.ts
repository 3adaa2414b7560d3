import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

// The `tend` CLI's API tokens, one per server address, in a file only its owner can read
// (like gh's hosts.yml). `tend login` writes it; `npm start` writes its own dev token there.

/** TEND_CONFIG_DIR, else $XDG_CONFIG_HOME/tend, else ~/.config/tend. */
export function configDir(env: NodeJS.ProcessEnv): string {
  return env.TEND_CONFIG_DIR ?? join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'tend');
}

const fileIn = (dir: string) => join(dir, 'credentials.json');

/** Servers are named by origin, so http://127.0.0.1:3000/ and http://127.0.0.1:3000 are one. */
const keyOf = (url: string) => new URL(url).origin;

export function readToken(dir: string, url: string): string | null {
  const file = fileIn(dir);
  if (!existsSync(file)) return null;
  const tokens = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  return tokens[keyOf(url)] ?? null;
}

export function saveToken(dir: string, url: string, token: string | null): string {
  const file = fileIn(dir);
  const tokens = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  if (token) tokens[keyOf(url)] = token;
  else delete tokens[keyOf(url)];
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}
