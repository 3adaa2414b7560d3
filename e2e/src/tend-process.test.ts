import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevServer } from '@tend/dev';
import { exited, freePort, runCli, spawnTend, startSmtpPeer, startTemporalOnFreePorts, type SmtpPeer } from './support/index.js';

// A journey whose send comes after a wait, so the process can die between trigger and send.
const delayedHello = {
  id: 'delayed-hello',
  name: 'Delayed hello',
  settings: { reentry: 'once-ever' },
  nodes: [
    { id: 'signed-up', type: 'trigger.identify', data: { onlyNewContacts: true } },
    { id: 'five-seconds', type: 'wait', data: { amount: 5, unit: 'seconds' } },
    { id: 'hello', type: 'send-email', data: { subject: 'Hello {{ contact.firstName }}', html: '<p>Hi {{ contact.firstName }}</p>' } },
    { id: 'done', type: 'exit', data: {} },
  ],
  edges: [
    { id: 'a', source: 'signed-up', target: 'five-seconds' },
    { id: 'b', source: 'five-seconds', target: 'hello' },
    { id: 'c', source: 'hello', target: 'done' },
  ],
};

describe('Tend as a process (npm start) on a real Temporal dev server', () => {
  let temporal: DevServer;
  let smtp: SmtpPeer;
  let env: Record<string, string>;
  let url: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'tend-process-'));

  beforeAll(async () => {
    temporal = await startTemporalOnFreePorts(join(dataDir, 'temporal'));
    smtp = await startSmtpPeer();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    env = {
      PORT: String(port),
      TEMPORAL_ADDRESS: temporal.address,
      SMTP_URL: smtp.url,
      TEND_DATA_DIR: join(dataDir, 'tend'),
      TEND_WRITE_KEY: 'process-test-key',
    };
  });
  afterAll(async () => {
    await smtp?.stop();
    await temporal?.stop();
  });

  it('delivers exactly one email when killed between the trigger and the send', async () => {
    const first = spawnTend(url, env);
    const health = await first.waitUntilHealthy();
    expect(health).toMatchObject({ ok: true, components: { db: { ok: true }, temporal: { ok: true }, worker: { ok: true } } });

    const file = join(dataDir, 'delayed-hello.json');
    writeFileSync(file, JSON.stringify(delayedHello));
    const published = await runCli(['publish', file, '--url', url], first.cliEnv);
    expect(published.stdout).toContain('delayed-hello published as version 1');
    expect(published.code).toBe(0);

    const identify = await fetch(`${url}/v1/identify`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from('process-test-key:').toString('base64')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'u1', traits: { email: 'ada@example.com', firstName: 'Ada' } }),
    });
    expect(identify.status).toBe(200);

    first.child.kill('SIGKILL');
    await exited(first.child);
    expect(smtp.received).toHaveLength(0);

    const second = spawnTend(url, env);
    await second.waitUntilHealthy();
    const [mail] = await smtp.waitFor(1);
    expect(mail).toMatchObject({ to: ['ada@example.com'], subject: 'Hello Ada' });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(smtp.received).toHaveLength(1);

    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
  }, 240_000);

  it('refuses to publish a journey that cannot run, naming the node and field', async () => {
    const broken = { ...delayedHello, nodes: delayedHello.nodes.map((n) => (n.id === 'hello' ? { ...n, data: { subject: '', html: 'x' } } : n)) };
    const file = join(dataDir, 'broken.json');
    writeFileSync(file, JSON.stringify(broken));
    const result = await runCli(['validate', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('node "hello" subject: write a subject line');
  });
});
