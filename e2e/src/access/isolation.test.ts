// Nobody reads or changes a workspace they do not belong to: every procedure of the console API
// is walked anonymously, from another workspace and with too small a role.
import { createApiToken } from '@tend/server';
import { addMember, callTrpc, signIn, type Session } from '../support/accounts.js';
import { expect, journey, email, test } from '../support/index.js';
import { accountLevel, procedures, sampleInput } from './procedures.js';

const codeOf = (body: string) => (JSON.parse(body) as { error?: { data?: { code?: string } } }).error?.data?.code;

let acme: Session;
let globex: Session;

test.beforeAll(async ({ tend }) => {
  // Acme is the dev workspace: the fixture's owner publishes and a shop sends events there.
  await tend.publish(journey('welcome', { nodes: { start: ['trigger.event', { event: 'Signed Up' }], hello: email('Hello'), done: ['exit'] }, edges: ['start -> hello', 'hello -> done'] }));
  await tend.identify('ada', { email: 'ada@acme.example', secret: 'acme only' });
  await addMember(tend, { email: 'alice@acme.example', role: 'owner', workspaceId: tend.workspace.id });
  await addMember(tend, { email: 'bob@globex.example', role: 'owner', workspaceId: 'globex' });
  acme = await signIn(tend.app, 'alice@acme.example');
  globex = await signIn(tend.app, 'bob@globex.example');
});

test('lists at least every router of the console', () => {
  const routers = new Set(procedures.map(({ path }) => path.split('.')[0]));
  expect([...routers].sort()).toEqual(['account', 'audit', 'contacts', 'drafts', 'events', 'imports', 'journeys', 'members', 'messages', 'outbox', 'policy', 'rfm', 'secrets', 'segments', 'system', 'templates', 'tokens']);
});

test.for(procedures)('$path refuses a caller who is not signed in (401)', async ({ path, type }, { tend }) => {
  const answer = await callTrpc(tend.app, path, type, sampleInput[path]);
  expect(answer.statusCode, answer.body).toBe(401);
  expect(codeOf(answer.body)).toBe('UNAUTHORIZED');
});

test.for(procedures)('$path refuses a forged session cookie and an unknown API token', async ({ path, type }, { tend }) => {
  const forged = await callTrpc(tend.app, path, type, sampleInput[path], { session: { email: 'x', cookie: 'tend_session=ses_forged; tend_csrf=csrf_forged', csrf: 'csrf_forged' } });
  expect(forged.statusCode).toBe(401);
  const unknown = await callTrpc(tend.app, path, type, sampleInput[path], { bearer: 'tk_not-a-real-token' });
  expect(unknown.statusCode).toBe(401);
});

test.for(procedures.filter(({ path }) => !accountLevel(path)))(
  "$path refuses a member of another workspace who names this one (403), by session and by token",
  async ({ path, type }, { tend }) => {
    const bySession = await callTrpc(tend.app, path, type, sampleInput[path], { session: globex, workspace: tend.workspace.id });
    expect(bySession.statusCode, bySession.body).toBe(403);
    expect(bySession.body).toContain('not a member');
    const { token } = await createApiToken(tend.database.db, { workspaceId: 'globex', name: 'globex CI', role: 'owner', createdBy: 'test' });
    const byToken = await callTrpc(tend.app, path, type, sampleInput[path], { bearer: token, workspace: tend.workspace.id });
    expect(byToken.statusCode, byToken.body).toBe(403);
  },
);

test("another workspace's own calls show nothing of this one", async ({ tend }) => {
  const read = async (path: string, input: unknown = {}) => {
    const answer = await callTrpc(tend.app, path, 'query', input, { session: globex });
    return { status: answer.statusCode, text: answer.body };
  };
  expect((await read('journeys.list')).text).not.toContain('welcome');
  expect((await read('journeys.get', { id: 'welcome' })).status).toBe(404);
  expect((await read('contacts.get', { id: 'ada' })).status).toBe(404);
  for (const path of ['outbox.messages', 'outbox.mailbox', 'members.list', 'tokens.list', 'audit.list', 'system.workspace', 'events.names', 'contacts.traitNames', 'contacts.search', 'contacts.list', 'segments.list', 'imports.list']) {
    const { status, text } = await read(path);
    expect(status, `${path}: ${text}`).toBe(200);
    for (const leak of ['ada@acme.example', 'alice@acme.example', 'test-write-key', 'acme only', '"welcome"']) expect(text, `${path} leaks ${leak}`).not.toContain(leak);
  }
  // And the owner of Acme sees what is theirs.
  const own = await callTrpc(tend.app, 'contacts.get', 'query', { id: 'ada' }, { session: acme });
  expect(own.statusCode).toBe(200);
  expect(own.body).toContain('acme only');
});

test.for(procedures.filter(({ path, type }) => type === 'mutation' && !accountLevel(path)))(
  '$path is refused to an analyst, who reads everything and changes nothing',
  async ({ path, type }, { tend }) => {
    const email = `analyst-${path}@acme.example`;
    await addMember(tend, { email, role: 'analyst', workspaceId: tend.workspace.id });
    const answer = await callTrpc(tend.app, path, type, sampleInput[path], { session: await signIn(tend.app, email) });
    expect(answer.statusCode, answer.body).toBe(403);
    expect(answer.body).toContain('you are an analyst');
  },
);

// Reading a whole contact's personal data out is an admin's act, not a reader's.
const adminQueries = ['tokens.list', 'contacts.export'];

test('an analyst cannot export a contact’s personal data', async ({ tend }) => {
  await addMember(tend, { email: 'reader-export@acme.example', role: 'analyst', workspaceId: tend.workspace.id });
  const answer = await callTrpc(tend.app, 'contacts.export', 'query', { id: 'ada' }, { session: await signIn(tend.app, 'reader-export@acme.example') });
  expect(answer.statusCode, answer.body).toBe(403);
});

test.for(procedures.filter(({ path, type }) => type === 'query' && !accountLevel(path) && !adminQueries.includes(path)))(
  '$path answers an analyst',
  async ({ path, type }, { tend }) => {
    const email = `reader-${path}@acme.example`;
    await addMember(tend, { email, role: 'analyst', workspaceId: tend.workspace.id });
    const answer = await callTrpc(tend.app, path, type, sampleInput[path], { session: await signIn(tend.app, email) });
    expect([200, 404], answer.body).toContain(answer.statusCode);
  },
);

test('a marketer publishes and pauses journeys but manages no members, tokens or keys', async ({ tend }) => {
  await addMember(tend, { email: 'mara@acme.example', role: 'marketer', workspaceId: tend.workspace.id });
  const mara = await signIn(tend.app, 'mara@acme.example');
  expect((await callTrpc(tend.app, 'journeys.pause', 'mutation', { id: 'welcome' }, { session: mara })).statusCode).toBe(200);
  expect((await callTrpc(tend.app, 'journeys.resume', 'mutation', { id: 'welcome' }, { session: mara })).statusCode).toBe(200);
  for (const [path, input] of [['members.invite', { role: 'analyst' }], ['tokens.create', { name: 'x', role: 'analyst' }], ['system.rotateWriteKey', {}]] as const) {
    const answer = await callTrpc(tend.app, path, 'mutation', input, { session: mara });
    expect(answer.statusCode, path).toBe(403);
    expect(answer.body).toContain('needs the admin role');
  }
});

test('an admin cannot make an owner, nor a token with more rights than their own', async ({ tend }) => {
  await addMember(tend, { email: 'adam@acme.example', role: 'admin', workspaceId: tend.workspace.id });
  const adam = await signIn(tend.app, 'adam@acme.example');
  const invite = await callTrpc(tend.app, 'members.invite', 'mutation', { role: 'owner' }, { session: adam });
  expect(invite.statusCode).toBe(403);
  const token = await callTrpc(tend.app, 'tokens.create', 'mutation', { name: 'too strong', role: 'owner' }, { session: adam });
  expect(token.statusCode).toBe(403);
});

test('an API token acts with its role only', async ({ tend }) => {
  const { token } = await createApiToken(tend.database.db, { workspaceId: tend.workspace.id, name: 'dashboard', role: 'analyst', createdBy: 'test' });
  expect((await callTrpc(tend.app, 'journeys.list', 'query', {}, { bearer: token })).statusCode).toBe(200);
  const publish = await callTrpc(tend.app, 'journeys.pause', 'mutation', { id: 'welcome' }, { bearer: token });
  expect(publish.statusCode).toBe(403);
  expect((await callTrpc(tend.app, 'account.me', 'query', {}, { bearer: token })).statusCode).toBe(403);
});
