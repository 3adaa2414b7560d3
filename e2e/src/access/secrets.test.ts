// A webhook's credential is a workspace secret: admins set it, everyone sees its name, nobody reads
// it back, and a journey holds only {{ secrets.NAME }}.
import { addMember, callTrpc, signIn, type Session } from '../support/accounts.js';
import { expect, journey, test } from '../support/index.js';

const value = 'crm-e2e-value-8d41f0c7';
const data = <T>(body: string) => (JSON.parse(body) as { result: { data: T } }).result.data;

let admin: Session;
let marketer: Session;
let analyst: Session;
let outsider: Session;

test.beforeAll(async ({ tend }) => {
  const workspaceId = tend.workspace.id;
  await addMember(tend, { email: 'ines@shop.example', role: 'admin', workspaceId });
  await addMember(tend, { email: 'mika@shop.example', role: 'marketer', workspaceId });
  await addMember(tend, { email: 'ana@shop.example', role: 'analyst', workspaceId });
  await addMember(tend, { email: 'otto@other.example', role: 'owner', workspaceId: 'other' });
  admin = await signIn(tend.app, 'ines@shop.example');
  marketer = await signIn(tend.app, 'mika@shop.example');
  analyst = await signIn(tend.app, 'ana@shop.example');
  outsider = await signIn(tend.app, 'otto@other.example');
});

/** A journey that calls the CRM with these headers when a contact signs up. */
const callingCrm = (id: string, headers: Record<string, string>) =>
  journey(id, {
    nodes: {
      start: ['trigger.event', { event: 'Signed Up' }],
      hook: ['webhook', { url: 'https://crm.example/hooks/signup', headers, body: '{"email": "{{ contact.email }}"}' }],
      done: ['exit'],
    },
    edges: ['start -> hook', 'hook -> done'],
  });

type Problems = { ok: false; problems: { nodeId?: string; field?: string; message: string }[] };

test('an admin sets and replaces a secret, and no answer carries its value', async ({ tend }) => {
  const set = await callTrpc(tend.app, 'secrets.set', 'mutation', { name: 'CRM_TOKEN', value }, { session: admin });
  expect(set.statusCode, set.body).toBe(200);
  expect(data(set.body)).toEqual({ name: 'CRM_TOKEN', replaced: false });
  const again = await callTrpc(tend.app, 'secrets.set', 'mutation', { name: 'CRM_TOKEN', value }, { session: admin });
  expect(data(again.body)).toEqual({ name: 'CRM_TOKEN', replaced: true });
  for (const answer of [set, again]) expect(answer.body).not.toContain(value);
});

test('an analyst lists the names, who set each and when, and never a value', async ({ tend }) => {
  await callTrpc(tend.app, 'secrets.set', 'mutation', { name: 'CRM_TOKEN', value }, { session: admin });
  const published = await callTrpc(tend.app, 'journeys.publish', 'mutation', { graph: callingCrm('crm-sync', { Authorization: 'Bearer {{ secrets.CRM_TOKEN }}' }) }, { session: marketer });
  expect(data<{ ok: boolean }>(published.body).ok, published.body).toBe(true);

  const list = await callTrpc(tend.app, 'secrets.list', 'query', {}, { session: analyst });
  expect(list.statusCode).toBe(200);
  expect(data(list.body)).toEqual([{ name: 'CRM_TOKEN', updatedBy: 'ines@shop.example', updatedAt: expect.any(String) }]);

  const journeyAnswer = await callTrpc(tend.app, 'journeys.get', 'query', { id: 'crm-sync' }, { session: analyst });
  expect(journeyAnswer.statusCode).toBe(200);
  expect(journeyAnswer.body).toContain('Bearer {{ secrets.CRM_TOKEN }}');
  const audit = await callTrpc(tend.app, 'audit.list', 'query', {}, { session: analyst });
  expect(audit.statusCode).toBe(200);
  for (const answer of [list, journeyAnswer, audit]) expect(answer.body).not.toContain(value);
});

test('marketers and analysts cannot set or remove a secret', async ({ tend }) => {
  for (const session of [marketer, analyst]) {
    for (const [path, input] of [['secrets.set', { name: 'CRM_TOKEN', value: 'overwritten' }], ['secrets.remove', { name: 'CRM_TOKEN' }]] as const) {
      const answer = await callTrpc(tend.app, path, 'mutation', input, { session });
      expect(answer.statusCode, `${path} as ${session.email}`).toBe(403);
      expect(answer.body).toContain('needs the admin role');
    }
  }
});

test('set and remove are in the audit log by name, without the value', async ({ tend }) => {
  const kept = 'audit-only-value-51aa';
  expect((await callTrpc(tend.app, 'secrets.set', 'mutation', { name: 'AUDITED', value: kept }, { session: admin })).statusCode).toBe(200);
  expect((await callTrpc(tend.app, 'secrets.remove', 'mutation', { name: 'AUDITED' }, { session: admin })).statusCode).toBe(200);
  expect((await callTrpc(tend.app, 'secrets.remove', 'mutation', { name: 'AUDITED' }, { session: admin })).statusCode).toBe(404);

  const audit = await callTrpc(tend.app, 'audit.list', 'query', {}, { session: admin });
  const lines = data<{ action: string; actorLabel: string; target: string; detail: unknown }[]>(audit.body)
    .filter((entry) => entry.target === 'AUDITED')
    .map(({ action, actorLabel, target, detail }) => ({ action, actorLabel, target, detail }));
  expect(lines).toEqual([
    { action: 'secret.remove', actorLabel: 'ines@shop.example', target: 'AUDITED', detail: {} },
    { action: 'secret.set', actorLabel: 'ines@shop.example', target: 'AUDITED', detail: { replaced: false } },
  ]);
  expect(audit.body).not.toContain(kept);
  const list = await callTrpc(tend.app, 'secrets.list', 'query', {}, { session: admin });
  expect(list.body).not.toContain('AUDITED');
});

test('a refused value is not quoted back', async ({ tend }) => {
  const cases = [
    { value: 'line-one-7c1d\r\nX-Injected: yes', why: 'one line of printable ASCII' },
    { value: `long-${'x'.repeat(8 * 1024)}`, why: 'at most 8192 characters' },
    { value: '   ', why: 'enter the secret' },
  ];
  for (const { value: refused, why } of cases) {
    const answer = await callTrpc(tend.app, 'secrets.set', 'mutation', { name: 'REFUSED', value: refused }, { session: admin });
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toContain(why);
    if (refused.trim()) expect(answer.body).not.toContain(refused.slice(0, 12));
  }
  const badName = await callTrpc(tend.app, 'secrets.set', 'mutation', { name: 'crm-token', value: 'fine' }, { session: admin });
  expect(badName.statusCode).toBe(400);
  expect(badName.body).toContain('is not a secret name');
});

test('publish refuses a header reading a secret the workspace lacks, and a credential written out', async ({ tend }) => {
  const publish = (graph: unknown, session = marketer) => callTrpc(tend.app, 'journeys.publish', 'mutation', { graph }, { session });

  const missing = data<Problems>((await publish(callingCrm('needs-erp', { Authorization: 'Bearer {{ secrets.ERP_TOKEN }}' }))).body);
  expect(missing).toEqual({
    ok: false,
    problems: [{ nodeId: 'hook', field: 'headers.Authorization', message: 'the workspace has no secret ERP_TOKEN: add it in Settings → Secrets' }],
  });

  const literal = data<Problems>((await publish(callingCrm('literal-key', { 'X-Api-Key': 'k-live-123' }))).body);
  expect(literal.problems).toEqual([{ nodeId: 'hook', field: 'headers.X-Api-Key', message: expect.stringContaining('store the credential as a workspace secret and write {{ secrets.NAME }}') }]);

  // Another workspace's secret of that name does not count.
  await callTrpc(tend.app, 'secrets.set', 'mutation', { name: 'ERP_TOKEN', value: 'other-workspace-value' }, { session: outsider });
  expect(data<Problems>((await publish(callingCrm('needs-erp', { Authorization: 'Bearer {{ secrets.ERP_TOKEN }}' }))).body).ok).toBe(false);
  const theirs = await callTrpc(tend.app, 'secrets.list', 'query', {}, { session: admin });
  expect(theirs.body).not.toContain('ERP_TOKEN');

  // Once the admin adds it, the same journey publishes.
  await callTrpc(tend.app, 'secrets.set', 'mutation', { name: 'ERP_TOKEN', value: 'erp-value-0b7e' }, { session: admin });
  expect(data<{ ok: boolean }>((await publish(callingCrm('needs-erp', { Authorization: 'Bearer {{ secrets.ERP_TOKEN }}' }))).body).ok).toBe(true);
});
