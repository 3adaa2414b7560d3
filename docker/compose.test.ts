// Checks docker/compose.yaml and docker/Dockerfile against each other and against the apps'
// env.ts, without a Docker engine: images pinned, build targets real, every variable the apps need
// in production present (and only variables they read), hosts and ports pointing at real services,
// and the images running the built entry points as a non-root user.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { serverEnvSchema } from '@tend/server/env';
import { productionHeapMiB, workerEnvSchema } from '@tend/worker/env';
import { parse } from 'yaml';

const dockerDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(dockerDir, '..');
const read = (path: string): string => readFileSync(path, 'utf8');

// ---------------------------------------------------------------------------------------------
// compose.yaml, interpolated with .env.example as `docker compose` would with docker/.env
// ---------------------------------------------------------------------------------------------

type EnvValue = string | null;

interface BuildSpec {
  context?: string;
  dockerfile?: string;
  target?: string;
}

interface PortSpec {
  target?: number | string;
  published?: number | string;
}

interface Service {
  image?: string;
  build?: string | BuildSpec;
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string } | null>;
  ports?: (string | number | PortSpec)[];
  volumes?: (string | { source?: string; target?: string })[];
  healthcheck?: { test?: unknown; disable?: boolean };
  deploy?: { replicas?: number | string };
  container_name?: string;
}

interface ComposeFile {
  services: Record<string, Service>;
}

function parseEnvFile(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!match?.[1]) continue;
    let value = (match[2] ?? '').trim();
    if (/^(['"]).*\1$/.test(value)) value = value.slice(1, -1);
    vars[match[1]] = value;
  }
  return vars;
}

const interpolation = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** Compose's variable substitution ($$, $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}). */
function interpolate(text: string, vars: Record<string, string>, where: string): string {
  return text.replace(interpolation, (whole, braced?: string, operator?: string, argument?: string, bare?: string) => {
    if (whole === '$$') return '$';
    const name = (braced ?? bare)!;
    const value = vars[name];
    const set = value !== undefined;
    const nonEmpty = set && value !== '';
    switch (operator) {
      case ':-':
        return nonEmpty ? value : (argument ?? '');
      case '-':
        return set ? value : (argument ?? '');
      case ':?':
      case '?':
        if (operator === ':?' ? nonEmpty : set) return value!;
        throw new Error(
          `${where}: compose.yaml requires ${name} ("${argument ?? ''}") but docker/.env.example does not set it`,
        );
      default:
        return value ?? '';
    }
  });
}

function interpolateDeep(node: unknown, vars: Record<string, string>, where: string): unknown {
  if (typeof node === 'string') return interpolate(node, vars, where);
  if (Array.isArray(node)) return node.map((item, index) => interpolateDeep(item, vars, `${where}[${index}]`));
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, interpolateDeep(value, vars, `${where}.${key}`)]),
    );
  }
  return node;
}

const composeText = read(join(dockerDir, 'compose.yaml'));
const exampleVars = parseEnvFile(read(join(dockerDir, '.env.example')));
const compose = interpolateDeep(parse(composeText), exampleVars, 'compose.yaml') as ComposeFile;
const services = compose.services;
const serviceNames = Object.keys(services);

function service(name: string): Service {
  const found = services[name];
  if (!found) throw new Error(`compose.yaml has no "${name}" service (it has: ${serviceNames.join(', ')})`);
  return found;
}

/** A service's environment as compose passes it: values are strings; null means "from the host, if set". */
function environment(svc: Service): Record<string, EnvValue> {
  const env = svc.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const eq = entry.indexOf('=');
        return eq === -1 ? [entry, null] : [entry.slice(0, eq), entry.slice(eq + 1)];
      }),
    );
  }
  return Object.fromEntries(
    Object.entries(env).map(([key, value]) => [key, value === null || value === undefined ? null : String(value)]),
  );
}

function dependsOn(svc: Service): Record<string, string> {
  const deps = svc.depends_on ?? [];
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((name) => [name, 'service_started']));
  return Object.fromEntries(Object.entries(deps).map(([name, spec]) => [name, spec?.condition ?? 'service_started']));
}

/** Container-side ports a service publishes, as [published host port or undefined, container port]. */
function publishedPorts(svc: Service): [string | undefined, string][] {
  return (svc.ports ?? []).map((port) => {
    if (typeof port === 'object') return [port.published === undefined ? undefined : String(port.published), String(port.target)];
    const spec = String(port).replace(/\/(tcp|udp)$/, '');
    const parts = spec.split(':');
    const container = parts[parts.length - 1]!;
    return [parts.length > 1 ? parts[parts.length - 2] : undefined, container];
  });
}

function imageTag(image: string): { tag?: string; digest: boolean } {
  const [name = '', digest] = image.split('@');
  const colon = name.lastIndexOf(':');
  return { tag: colon > name.lastIndexOf('/') ? name.slice(colon + 1) : undefined, digest: Boolean(digest) };
}

/** Pinned: an immutable digest, or a tag carrying a version number (not latest, not a bare variant). */
function isPinned(image: string): boolean {
  const { tag, digest } = imageTag(image);
  return digest || (tag !== undefined && tag !== 'latest' && /\d/.test(tag));
}

function servicesByImage(pattern: RegExp): string[] {
  return serviceNames.filter((name) => pattern.test(service(name).image ?? ''));
}

function onlyService(pattern: RegExp, what: string): string {
  const found = servicesByImage(pattern);
  if (found.length !== 1) throw new Error(`expected exactly one ${what} service in compose.yaml, found ${found.length}`);
  return found[0]!;
}

// ---------------------------------------------------------------------------------------------
// Dockerfile
// ---------------------------------------------------------------------------------------------

interface Instruction {
  keyword: string;
  args: string;
}

interface Stage {
  name?: string;
  base: string;
  instructions: Instruction[];
}

function parseDockerfile(text: string): Stage[] {
  const logical: string[] = [];
  let pending = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    logical.push(pending + line);
    pending = '';
  }
  if (pending) logical.push(pending);

  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const line of logical) {
    const match = /^([A-Za-z]+)\s+([\s\S]*)$/.exec(line);
    if (!match) continue;
    const keyword = match[1]!.toUpperCase();
    const rest = match[2]!.trim();
    if (keyword === 'ARG' && stages.length === 0) {
      const [name, value = ''] = rest.split('=');
      if (name) args[name] = value;
      continue;
    }
    if (keyword === 'FROM') {
      const from = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(rest);
      if (!from) throw new Error(`Dockerfile: cannot read "FROM ${rest}"`);
      const base = from[1]!.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, name: string) => args[name] ?? '');
      stages.push({ name: from[2], base, instructions: [] });
      continue;
    }
    stages.at(-1)?.instructions.push({ keyword, args: rest });
  }
  return stages;
}

const dockerfile = parseDockerfile(read(join(dockerDir, 'Dockerfile')));
const stageNames = dockerfile.flatMap((stage) => (stage.name ? [stage.name] : []));

/** The stage and the stages it is built FROM, base first. */
function stageChain(name: string): Stage[] {
  const stage = dockerfile.find((candidate) => candidate.name === name);
  if (!stage) throw new Error(`docker/Dockerfile has no "FROM … AS ${name}" stage (it has: ${stageNames.join(', ')})`);
  return stageNames.includes(stage.base) ? [...stageChain(stage.base), stage] : [stage];
}

function instructions(target: string, keyword: string): string[] {
  return stageChain(target).flatMap((stage) =>
    stage.instructions.filter((instruction) => instruction.keyword === keyword).map((instruction) => instruction.args),
  );
}

function imageEnv(target: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const args of instructions(target, 'ENV')) {
    const pairs = [...args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|\S*)/g)];
    if (pairs.length === 0) {
      const [name, ...value] = args.split(/\s+/);
      if (name) env[name] = value.join(' ');
    }
    for (const [, name, value = ''] of pairs) env[name!] = value.replace(/^(["'])(.*)\1$/, '$2');
  }
  return env;
}

function execForm(target: string, keyword: 'CMD' | 'ENTRYPOINT'): string[] | undefined {
  const last = instructions(target, keyword).at(-1);
  if (last === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(last);
    if (Array.isArray(parsed) && parsed.every((part) => typeof part === 'string')) return parsed;
  } catch {
    // shell form
  }
  throw new Error(`${keyword} of the "${target}" target is in shell form (${last}); use exec form so node gets SIGTERM`);
}

// ---------------------------------------------------------------------------------------------
// What the apps read: the keys of each app's configuration schema (apps/<app>/src/env.ts)
// ---------------------------------------------------------------------------------------------

function appEnvKeys(app: 'server' | 'worker'): string[] {
  return Object.keys((app === 'server' ? serverEnvSchema : workerEnvSchema).shape);
}

const apps = {
  server: { service: 'server', entry: 'apps/server/dist/main.js', required: ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'HOST'] },
  worker: { service: 'worker', entry: 'apps/worker/dist/main.js', required: ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'SMTP_URL', 'TEND_PUBLIC_URL'] },
} as const;
const appNames = Object.keys(apps) as (keyof typeof apps)[];

/** The Dockerfile target a service builds, or undefined when it runs an image. */
function buildTarget(svc: Service): string | undefined {
  return typeof svc.build === 'object' ? svc.build.target : undefined;
}

// ---------------------------------------------------------------------------------------------

describe('docker/compose.yaml', () => {
  it('pins every image and builds only targets that exist in docker/Dockerfile', () => {
    const problems: string[] = [];
    for (const name of serviceNames) {
      const svc = service(name);
      if (svc.build !== undefined) {
        if (typeof svc.build !== 'object' || !svc.build.target) {
          problems.push(`${name}: build has no target (expected one of: ${stageNames.join(', ')})`);
          continue;
        }
        const dockerfilePath = resolve(dockerDir, svc.build.context ?? '.', svc.build.dockerfile ?? 'Dockerfile');
        if (dockerfilePath !== join(dockerDir, 'Dockerfile')) problems.push(`${name}: builds ${dockerfilePath}, not docker/Dockerfile`);
        if (!stageNames.includes(svc.build.target)) {
          problems.push(`${name}: build target "${svc.build.target}" is not a "FROM … AS" stage of docker/Dockerfile (${stageNames.join(', ')})`);
        }
        if (svc.image !== undefined && !isPinned(svc.image)) problems.push(`${name}: built image is tagged "${svc.image}"; tag it with a version`);
      } else if (svc.image === undefined) {
        problems.push(`${name}: neither image nor build`);
      } else if (!isPinned(svc.image)) {
        problems.push(`${name}: image "${svc.image}" is not pinned (no tag, "latest" or a tag without a version)`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives the server and the worker every variable they need in production', () => {
    const problems: string[] = [];
    for (const app of appNames) {
      const env = environment(service(apps[app].service));
      for (const name of apps[app].required) {
        if (!env[name]) problems.push(`${apps[app].service}: ${name} is ${name in env ? 'empty' : 'missing'}`);
      }
    }
    const host = environment(service('server')).HOST;
    if (host !== '0.0.0.0') problems.push(`server: HOST is ${JSON.stringify(host)}; in a container it must be 0.0.0.0 or nothing can reach it`);
    expect(problems).toEqual([]);
  });

  it('passes the server and the worker only variables their env.ts reads', () => {
    const unknown: string[] = [];
    for (const app of appNames) {
      const known = new Set(appEnvKeys(app));
      for (const name of Object.keys(environment(service(apps[app].service)))) {
        if (!known.has(name)) unknown.push(`${apps[app].service}: ${name} is not read by apps/${app}/src/env.ts`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('points DATABASE_URL at the postgres service, its credentials and a database postgres-init.sql creates', () => {
    const postgres = onlyService(/^(docker\.io\/)?(library\/)?postgres:/, 'postgres');
    const postgresEnv = environment(service(postgres));
    const initSql = read(join(dockerDir, 'postgres-init.sql')).replace(/--.*$/gm, '');
    const created = [...initSql.matchAll(/CREATE\s+DATABASE\s+"?([A-Za-z_][A-Za-z0-9_$]*)"?/gi)].map((match) => match[1]!);
    expect(created, 'postgres-init.sql creates no database').not.toEqual([]);

    const mountsInit = (service(postgres).volumes ?? []).some((volume) => {
      const [source, target] = typeof volume === 'string' ? volume.split(':') : [volume.source, volume.target];
      return resolve(dockerDir, source ?? '') === join(dockerDir, 'postgres-init.sql') && Boolean(target?.startsWith('/docker-entrypoint-initdb.d/'));
    });
    expect(mountsInit, `${postgres} does not mount ./postgres-init.sql into /docker-entrypoint-initdb.d/`).toBe(true);

    const temporalDatabases = servicesByImage(/^temporalio\/(auto-setup|server):/).flatMap((name) => {
      const env = environment(service(name));
      return [env.DBNAME ?? 'temporal', env.VISIBILITY_DBNAME ?? 'temporal_visibility'];
    });

    const problems: string[] = [];
    for (const app of appNames) {
      const name = apps[app].service;
      const raw = environment(service(name)).DATABASE_URL ?? '';
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        problems.push(`${name}: DATABASE_URL ${JSON.stringify(raw)} is not a URL (is POSTGRES_PASSWORD URL-safe?)`);
        continue;
      }
      const database = decodeURIComponent(url.pathname.slice(1));
      if (!/^postgres(ql)?:$/.test(url.protocol)) problems.push(`${name}: DATABASE_URL scheme is ${url.protocol}, not postgres:`);
      if (url.hostname !== postgres) problems.push(`${name}: DATABASE_URL host is "${url.hostname}", not the "${postgres}" service`);
      if (url.port !== '' && url.port !== '5432') problems.push(`${name}: DATABASE_URL port is ${url.port}, Postgres listens on 5432`);
      if (!created.includes(database)) problems.push(`${name}: DATABASE_URL database "${database}" is not created by postgres-init.sql (${created.join(', ')})`);
      if (temporalDatabases.includes(database)) problems.push(`${name}: DATABASE_URL uses Temporal's database "${database}"`);
      if (decodeURIComponent(url.username) !== (postgresEnv.POSTGRES_USER ?? 'postgres')) {
        problems.push(`${name}: DATABASE_URL user "${url.username}" is not ${postgres}'s POSTGRES_USER`);
      }
      if (decodeURIComponent(url.password) !== postgresEnv.POSTGRES_PASSWORD) {
        problems.push(`${name}: DATABASE_URL password differs from ${postgres}'s POSTGRES_PASSWORD`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('points every TEMPORAL_ADDRESS at the temporal service on 7233, which persists to the same Postgres', () => {
    const temporal = onlyService(/^temporalio\/(auto-setup|server):/, 'Temporal server');
    const postgres = onlyService(/^(docker\.io\/)?(library\/)?postgres:/, 'postgres');
    const temporalEnv = environment(service(temporal));
    const postgresEnv = environment(service(postgres));
    const problems: string[] = [];

    const clients = serviceNames.filter((name) => 'TEMPORAL_ADDRESS' in environment(service(name)) && name !== temporal);
    for (const name of ['server', 'worker']) if (!clients.includes(name)) problems.push(`${name}: TEMPORAL_ADDRESS is missing`);
    for (const name of clients) {
      const address = environment(service(name)).TEMPORAL_ADDRESS ?? '';
      const match = /^([^:/]+):(\d+)$/.exec(address);
      if (!match) problems.push(`${name}: TEMPORAL_ADDRESS ${JSON.stringify(address)} is not host:port`);
      else if (match[1] !== temporal || match[2] !== '7233') problems.push(`${name}: TEMPORAL_ADDRESS is ${address}, expected ${temporal}:7233`);
    }

    if (temporalEnv.DB !== 'postgres12') problems.push(`${temporal}: DB is ${temporalEnv.DB}, expected postgres12`);
    if (temporalEnv.POSTGRES_SEEDS !== postgres) problems.push(`${temporal}: POSTGRES_SEEDS is ${temporalEnv.POSTGRES_SEEDS}, not the "${postgres}" service`);
    if ((temporalEnv.DB_PORT ?? '5432') !== '5432') problems.push(`${temporal}: DB_PORT is ${temporalEnv.DB_PORT}, Postgres listens on 5432`);
    if (temporalEnv.POSTGRES_USER !== (postgresEnv.POSTGRES_USER ?? 'postgres')) problems.push(`${temporal}: POSTGRES_USER differs from ${postgres}'s`);
    if (temporalEnv.POSTGRES_PWD !== postgresEnv.POSTGRES_PASSWORD) problems.push(`${temporal}: POSTGRES_PWD differs from ${postgres}'s POSTGRES_PASSWORD`);

    // auto-setup registers DEFAULT_NAMESPACE (default "default"); the apps must use that one.
    const registered = temporalEnv.DEFAULT_NAMESPACE ?? 'default';
    for (const app of appNames) {
      const namespace = environment(service(apps[app].service)).TEMPORAL_NAMESPACE ?? 'default';
      if (namespace !== registered) problems.push(`${apps[app].service}: TEMPORAL_NAMESPACE "${namespace}" is not the namespace ${temporal} registers ("${registered}")`);
    }
    expect(problems).toEqual([]);
  });

  it('names only existing services in depends_on, with health checks where it waits for health', () => {
    const problems: string[] = [];
    for (const name of serviceNames) {
      for (const [dependency, condition] of Object.entries(dependsOn(service(name)))) {
        const target = services[dependency];
        if (!target) {
          problems.push(`${name}: depends_on "${dependency}", which is not a service (${serviceNames.join(', ')})`);
          continue;
        }
        if (!['service_started', 'service_healthy', 'service_completed_successfully'].includes(condition)) {
          problems.push(`${name}: depends_on ${dependency} with unknown condition "${condition}"`);
        }
        const hasHealthcheck = Boolean(target.healthcheck?.test) && !target.healthcheck?.disable;
        const imageHealthcheck = buildTarget(target) !== undefined && instructions(buildTarget(target)!, 'HEALTHCHECK').length > 0;
        if (condition === 'service_healthy' && !hasHealthcheck && !imageHealthcheck) {
          problems.push(`${name}: waits for ${dependency} to be healthy, but ${dependency} has no healthcheck`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("publishes the server on the port it listens on (PORT) and the image's EXPOSE", () => {
    const server = service('server');
    const port = environment(server).PORT ?? imageEnv(buildTarget(server) ?? 'server').PORT ?? '3000';
    const containerPorts = publishedPorts(server).map(([, container]) => container);
    expect(containerPorts, `server publishes container ports [${containerPorts.join(', ')}] but listens on PORT=${port}`).toContain(port);
    const exposed = instructions(buildTarget(server) ?? 'server', 'EXPOSE').flatMap((args) => args.split(/\s+/).map((p) => p.replace(/\/tcp$/, '')));
    expect(exposed, `the server image EXPOSEs [${exposed.join(', ')}], not PORT=${port}`).toContain(port);
  });

  it('lets the worker scale out: replicas set, no container_name, no fixed host port', () => {
    const worker = service('worker');
    expect(Number(worker.deploy?.replicas), 'worker: deploy.replicas is not a positive number').toBeGreaterThanOrEqual(1);
    expect(worker.container_name, 'worker: container_name prevents --scale').toBeUndefined();
    const fixed = publishedPorts(worker).filter(([host]) => host !== undefined && host !== '');
    expect(fixed, 'worker: a fixed host port collides once there are two workers').toEqual([]);
  });

  it('sets in docker/.env.example every variable it interpolates or passes through', () => {
    const documented = read(join(dockerDir, '.env.example'));
    const raw = parse(composeText) as ComposeFile;
    const names = new Set<string>();
    for (const match of composeText.matchAll(interpolation)) if (match[1] ?? match[4]) names.add((match[1] ?? match[4])!);
    for (const svc of Object.values(raw.services)) {
      for (const [name, value] of Object.entries(environment(svc))) if (value === null) names.add(name);
    }
    const missing = [...names].filter((name) => !new RegExp(`^#?\\s*${name}=`, 'm').test(documented));
    expect(missing).toEqual([]);
  });
});

describe('docker/Dockerfile', () => {
  it('runs the built entry points in exec form', () => {
    for (const app of appNames) {
      const target = buildTarget(service(apps[app].service));
      expect(target, `${apps[app].service} is not built from docker/Dockerfile`).toBeDefined();
      expect(execForm(target!, 'ENTRYPOINT'), `the ${target} target sets an ENTRYPOINT`).toBeUndefined();
      expect(execForm(target!, 'CMD'), `CMD of the ${target} target`).toEqual(['node', apps[app].entry]);
      const source = apps[app].entry.replace('/dist/', '/src/').replace(/\.js$/, '.ts');
      expect(existsSync(join(repoRoot, source)), `${apps[app].entry} is built from ${source}, which does not exist`).toBe(true);
    }
  });

  it('builds in one stage: npm ci, npm run build, the workflow bundle, then prunes dev dependencies', () => {
    const steps = ['npm ci', 'npm run build', 'npm run bundle -w @tend/worker', 'npm prune --omit=dev'];
    const builders = dockerfile.filter((stage) => steps.every((step) => stage.instructions.some((i) => i.keyword === 'RUN' && i.args.includes(step))));
    expect(builders.map((stage) => stage.name), `no stage RUNs all of: ${steps.join('; ')}`).toHaveLength(1);
    const runs = builders[0]!.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args).join('\n');
    const positions = steps.map((step) => runs.indexOf(step));
    expect(positions, `run in this order: ${steps.join(' -> ')}`).toEqual([...positions].sort((a, b) => a - b));

    for (const app of appNames) {
      const target = buildTarget(service(apps[app].service))!;
      const copiesFromBuilder = stageChain(target).some((stage) =>
        stage.instructions.some((i) => i.keyword === 'COPY' && i.args.includes(`--from=${builders[0]!.name}`)),
      );
      expect(copiesFromBuilder, `the ${target} target does not COPY --from=${builders[0]!.name}`).toBe(true);
    }
  });

  it('runs both targets from one base stage, as a non-root user, with NODE_ENV=production', () => {
    const parents = new Set<string | undefined>();
    for (const app of appNames) {
      const target = buildTarget(service(apps[app].service))!;
      parents.add(stageChain(target).at(-2)?.name);
      const user = instructions(target, 'USER').at(-1);
      expect(user, `the ${target} target runs as root (add USER)`).toBeDefined();
      expect(['root', '0', '0:0'], `the ${target} target runs as root`).not.toContain(user);
      expect(imageEnv(target).NODE_ENV, `NODE_ENV of the ${target} target`).toBe('production');
    }
    expect([...parents], 'server and worker targets should be built FROM the same stage').toHaveLength(1);
    expect([...parents][0], 'server and worker targets should be built FROM a shared stage').toBeDefined();
  });

  it('sets in the images only variables the apps read, and points the worker at the bundle the build makes', () => {
    const unknown: string[] = [];
    for (const app of appNames) {
      const target = buildTarget(service(apps[app].service))!;
      const known = new Set([...appEnvKeys(app), 'NODE_ENV', ...(app === 'worker' ? ['NODE_OPTIONS'] : [])]);
      for (const name of Object.keys(imageEnv(target))) if (!known.has(name)) unknown.push(`${target}: ENV ${name} is not read by apps/${app}`);
    }
    expect(unknown).toEqual([]);
    const worker = buildTarget(service('worker'))!;
    const bundle = environment(service('worker')).TEND_WORKFLOW_BUNDLE ?? imageEnv(worker).TEND_WORKFLOW_BUNDLE;
    expect(bundle, 'the worker must load the pre-built bundle (TEND_WORKFLOW_BUNDLE)').toMatch(/(^|\/)apps\/worker\/dist\/workflow-bundle\.js$/);
    // The heap the worker's cache size and bench 5.5 were measured with.
    expect(imageEnv(worker).NODE_OPTIONS).toBe(`--max-old-space-size=${productionHeapMiB}`);
  });

  it('health-checks the server with node fetch on /healthz', () => {
    const target = buildTarget(service('server'))!;
    const healthcheck = instructions(target, 'HEALTHCHECK').at(-1) ?? '';
    expect(healthcheck, `the ${target} target has no HEALTHCHECK`).not.toBe('');
    expect(healthcheck).toContain('/healthz');
    expect(healthcheck).toMatch(/\bnode\b[\s\S]*\bfetch\(/);
  });

  it('starts from tagged base images', () => {
    const external = dockerfile.map((stage) => stage.base).filter((base) => !stageNames.includes(base));
    const unpinned = external.filter((base) => !isPinned(base));
    expect(external).not.toEqual([]);
    expect(unpinned, 'base images need a version tag (not latest, not untagged)').toEqual([]);
  });
});
