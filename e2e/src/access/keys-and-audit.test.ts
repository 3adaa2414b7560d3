// Write-key rotation keeps the shop's events flowing; every change lands in the audit log.
import { addMember, callTrpc, signIn, type Session } from '../support/accounts.js';
import { email, expect, journey, test } from '../support/index.js';

const data = <T>(body: string) => (JSON.parse(body) as { result: { data: T } }).result.data;
const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

let owner: Session;
test.beforeAll(async ({ tend }) => {
  await addMember(tend, { email: 'pat@shop.example', role: 'owner', workspaceId: tend.workspace.id });
  owner = await signIn(tend.app, 'pat@shop.example');
});

test('after a rotation both keys work until the grace period ends, then only the new one', async ({ tend }) => {
  const old = tend.workspace.writeKey;
  const identify = (key: string) => tend.app.inject({ method: 'POST', url: '/v1/identify', headers: { authorization: basic(key) }, payload: { userId: 'u-rotate' } });
  const rotated = data<{ writeKey: string }>((await callTrpc(tend.app, 'system.rotateWriteKey', 'mutation', { graceHours: 1 }, { session: owner })).body);
  expect(rotated.writeKey).not.toBe(old);
  expect((await identify(rotated.writeKey)).statusCode).toBe(200);
  expect((await identify(old)).statusCode).toBe(200);

  // A rotation with no grace ends the previous key (the one just issued) at once.
  const again = data<{ writeKey: string }>((await callTrpc(tend.app, 'system.rotateWriteKey', 'mutation', { graceHours: 0 }, { session: owner })).body);
  expect((await identify(again.writeKey)).statusCode).toBe(200);
  expect((await identify(rotated.writeKey)).statusCode).toBe(401);
  expect((await identify(old)).statusCode).toBe(401);
});

test('publish, pause, role changes, tokens and key rotation are in the audit log with who did them', async ({ tend }) => {
  const mutate = (path: string, input: unknown) => callTrpc(tend.app, path, 'mutation', input, { session: owner });
  const graph = journey('audited', { nodes: { start: ['trigger.event', { event: 'Audit' }], hi: email('Hi'), done: ['exit'] }, edges: ['start -> hi', 'hi -> done'] });
  expect((await mutate('journeys.publish', { graph })).statusCode).toBe(200);
  expect((await mutate('journeys.pause', { id: 'audited' })).statusCode).toBe(200);
  const userId = await addMember(tend, { email: 'quin@shop.example', role: 'analyst', workspaceId: tend.workspace.id });
  expect((await mutate('members.changeRole', { userId, role: 'marketer' })).statusCode).toBe(200);
  expect((await mutate('tokens.create', { name: 'nightly export', role: 'analyst' })).statusCode).toBe(200);

  const log = data<{ action: string; actorLabel: string; target: string; detail: Record<string, unknown> }[]>(
    (await callTrpc(tend.app, 'audit.list', 'query', {}, { session: owner })).body,
  );
  const lines = log.map((entry) => `${entry.actorLabel} ${entry.action} ${entry.target}`);
  expect(lines).toEqual(
    expect.arrayContaining([
      'pat@shop.example journey.publish audited',
      'pat@shop.example journey.pause audited',
      `pat@shop.example member.role ${userId}`,
      'pat@shop.example token.create nightly export',
      'pat@shop.example write-key.rotate ',
    ]),
  );
  expect(log.find((entry) => entry.action === 'member.role')!.detail).toEqual({ from: 'analyst', to: 'marketer' });
});

test('a workspace keeps an owner: the last one cannot step down', async ({ tend }) => {
  await addMember(tend, { email: 'solo@solo.example', role: 'owner', workspaceId: 'solo' });
  const solo = await signIn(tend.app, 'solo@solo.example');
  const me = data<{ id: string }>((await callTrpc(tend.app, 'account.me', 'query', {}, { session: solo })).body);
  const answer = await callTrpc(tend.app, 'members.changeRole', 'mutation', { userId: me.id, role: 'admin' }, { session: solo, workspace: 'solo' });
  expect(answer.statusCode).toBe(400);
  expect(answer.body).toContain('at least one owner');
});
