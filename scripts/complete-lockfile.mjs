#!/usr/bin/env node
// The npm registry mirror this project is built behind serves only Linux builds of platform
// packages (turbo, esbuild, rollup…), so `npm install` here leaves their macOS/Windows siblings
// out of package-lock.json, and `npm ci` then refuses the lock file as out of sync — here and on
// every user's machine. This adds the missing optional entries (name, version, os, cpu), which
// npm skips on other platforms and fetches by name and version where they apply.
// Run after changing dependencies: `npm install && node scripts/complete-lockfile.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;

const osWords = { darwin: 'darwin', win32: 'win32', windows: 'win32', linux: 'linux', android: 'android', freebsd: 'freebsd', openbsd: 'openbsd', netbsd: 'netbsd', sunos: 'sunos', aix: 'aix', openharmony: 'openharmony' };
const cpuWords = { x64: 'x64', '64': 'x64', arm64: 'arm64', arm: 'arm', ia32: 'ia32', ppc64: 'ppc64', riscv64: 'riscv64', s390x: 's390x', loong64: 'loong64', mips64el: 'mips64el', wasm32: 'wasm32', universal: null };

function guessPlatform(name) {
  const words = name.split('/').pop().split('-');
  const os = words.map((word) => osWords[word]).find(Boolean);
  const cpu = words.map((word) => cpuWords[word]).find(Boolean);
  return { ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}) };
}

function installedAt(fromPath, name) {
  // npm's lookup: the nearest node_modules up the tree from the dependent.
  let dir = fromPath;
  for (;;) {
    const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return true;
    if (!dir) return false;
    const cut = dir.lastIndexOf('node_modules/');
    dir = cut <= 0 ? '' : dir.slice(0, cut - 1);
  }
}

let added = 0;
for (const [from, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    if (installedAt(from, name) || !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec)) continue;
    packages[`node_modules/${name}`] = { version: spec, dev: entry.dev, optional: true, ...guessPlatform(name) };
    if (!entry.dev) delete packages[`node_modules/${name}`].dev;
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)));
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: added ${added} optional platform entries`);
