// How people get into the console: password, one-time link, invitation; and what a session
// cookie may and may not do.
import { apiTokens, eq, users } from '@tend/db';
import { ownerSignInLink } from '@tend/server';
import { addMember, callTrpc, signIn } from '../support/accounts.js';
import { expect, test } from '../support/index.js';

test('a wrong password and an unknown address get the same answer', async ({ tend }) => {
  await addMember(tend, { email: 'ines@shop.example', role: 'marketer', workspaceId: tend.workspace.id });
  const wrong = await tend.app.inject({ method: 'POST', url: '/auth/sign-in', payload: { email: 'ines@shop.example', password: 'not it' } });
  const unknown = await tend.app.inject({ method: 'POST', url: '/auth/sign-in', payload: { email: 'nobody@shop.example', password: 'not it' } });
  expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
  expect(wrong.body).toBe(unknown.body);
  expect(wrong.cookies).toEqual([]);
});

test('signing in sets an HttpOnly, SameSite=Lax session cookie and a CSRF cookie the console can read', async ({ tend }) => {
  await addMember(tend, { email: 'Jo@Shop.example', role: 'marketer', workspaceId: tend.workspace.id });
  const answer = await tend.app.inject({ method: 'POST', url: '/auth/sign-in', payload: { email: 'jo@shop.EXAMPLE', password: 'correct horse battery' } });
  expect(answer.statusCode).toBe(200);
  const session = answer.cookies.find((cookie) => cookie.name === 'tend_session')!;
  const csrf = answer.cookies.find((cookie) => cookie.name === 'tend_csrf')!;
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  expect(csrf.httpOnly).toBeFalsy();
  expect(csrf.sameSite).toBe('Lax');
});

test('a change made with the session cookie but without its CSRF token is refused (a cross-site request)', async ({ tend }) => {
  await addMember(tend, { email: 'kim@shop.example', role: 'owner', workspaceId: tend.workspace.id });
  const kim = await signIn(tend.app, 'kim@shop.example');
  const forged = await callTrpc(tend.app, 'members.invite', 'mutation', { role: 'analyst' }, { session: kim, withoutCsrf: true });
  expect(forged.statusCode).toBe(403);
  expect(forged.body).toContain('CSRF');
  const wrongToken = await callTrpc(tend.app, 'members.invite', 'mutation', { role: 'analyst' }, { session: { ...kim, csrf: 'csrf_guess' } });
  expect(wrongToken.statusCode).toBe(403);
  // Reading needs no CSRF token; the console's own change does go through.
  expect((await callTrpc(tend.app, 'members.list', 'query', {}, { session: kim, withoutCsrf: true })).statusCode).toBe(200);
  expect((await callTrpc(tend.app, 'members.invite', 'mutation', { role: 'analyst' }, { session: kim })).statusCode).toBe(200);
  // A form posted from another site carries neither the header nor a JSON body.
  const form = await tend.app.inject({ method: 'POST', url: '/trpc/members.invite', headers: { cookie: kim.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'role=owner' });
  expect(form.statusCode).toBeGreaterThanOrEqual(400);
});

test("npm start's one-time link signs the owner in once, then never again", async ({ tend }) => {
  const link = new URL((await ownerSignInLink(tend.database.db, 'http://127.0.0.1:3000'))!);
  const first = await tend.app.inject({ method: 'GET', url: link.pathname });
  expect(first.statusCode).toBe(302);
  expect(first.headers.location).toBe('/');
  const cookie = first.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = first.cookies.find((c) => c.name === 'tend_csrf')!.value;
  const me = await callTrpc(tend.app, 'account.me', 'query', {}, { session: { email: '', cookie, csrf } });
  expect(me.statusCode).toBe(200);
  expect(me.body).toContain('owner@tend.local');
  const again = await tend.app.inject({ method: 'GET', url: link.pathname });
  expect(again.statusCode).toBe(410);
  expect(again.body).toContain('used already');
});

test('a production server stops printing the owner a link once the owner has a password', async ({ tend }) => {
  expect(await ownerSignInLink(tend.database.db, 'https://tend.example.com', { untilPassword: true })).toMatch(/^https:\/\/tend\.example\.com\/auth\/link\/link_/);
  const link = new URL((await ownerSignInLink(tend.database.db, 'http://127.0.0.1:3000'))!);
  const signedIn = await tend.app.inject({ method: 'GET', url: link.pathname });
  const cookie = signedIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = signedIn.cookies.find((c) => c.name === 'tend_csrf')!.value;
  const set = await callTrpc(tend.app, 'account.setPassword', 'mutation', { password: 'the owner chose this' }, { session: { email: '', cookie, csrf } });
  expect(set.statusCode, set.body).toBe(200);
  expect(await ownerSignInLink(tend.database.db, 'https://tend.example.com', { untilPassword: true })).toBeNull();
  // npm start keeps printing one: the owner of a local dev server is whoever runs it.
  expect(await ownerSignInLink(tend.database.db, 'http://127.0.0.1:3000')).toMatch(/\/auth\/link\/link_/);
});

test('signing out ends the session on the server, not just in the browser', async ({ tend }) => {
  await addMember(tend, { email: 'lee@shop.example', role: 'analyst', workspaceId: tend.workspace.id });
  const lee = await signIn(tend.app, 'lee@shop.example');
  await tend.app.inject({ method: 'POST', url: '/auth/sign-out', headers: { cookie: lee.cookie } });
  expect((await callTrpc(tend.app, 'journeys.list', 'query', {}, { session: lee })).statusCode).toBe(401);
});

test('an invitation link makes a new account with its role, once', async ({ tend }) => {
  await addMember(tend, { email: 'max@shop.example', role: 'admin', workspaceId: tend.workspace.id });
  const max = await signIn(tend.app, 'max@shop.example');
  const invited = await callTrpc(tend.app, 'members.invite', 'mutation', { role: 'marketer', email: 'nia@shop.example' }, { session: max });
  const { token, link } = (JSON.parse(invited.body) as { result: { data: { token: string; link: string } } }).result.data;
  expect(link).toContain(`#/invitation/${token}`);

  const accepted = await tend.app.inject({ method: 'POST', url: '/auth/invitation', payload: { token, email: 'nia@shop.example', password: 'a good long password', name: 'Nia' } });
  expect(accepted.statusCode, accepted.body).toBe(200);
  const nia = await signIn(tend.app, 'nia@shop.example', 'a good long password');
  const members = await callTrpc(tend.app, 'members.list', 'query', {}, { session: nia });
  expect(members.body).toMatch(/"email":"nia@shop.example","name":"Nia","role":"marketer"/);

  const reused = await tend.app.inject({ method: 'POST', url: '/auth/invitation', payload: { token, email: 'eve@evil.example', password: 'a good long password' } });
  expect(reused.statusCode).toBe(410);
  const [eve] = await tend.database.db.select().from(users).where(eq(users.email, 'eve@evil.example'));
  expect(eve).toBeUndefined();
});

test('API tokens are shown once and stored only as a hash; a revoked one stops working', async ({ tend }) => {
  await addMember(tend, { email: 'ola@shop.example', role: 'admin', workspaceId: tend.workspace.id });
  const ola = await signIn(tend.app, 'ola@shop.example');
  const created = await callTrpc(tend.app, 'tokens.create', 'mutation', { name: 'CI publish', role: 'marketer' }, { session: ola });
  const { id, token } = (JSON.parse(created.body) as { result: { data: { id: string; token: string } } }).result.data;
  expect(token).toMatch(/^tk_[\w-]{32}$/);

  const rows = await tend.database.db.select().from(apiTokens).where(eq(apiTokens.id, id));
  expect(JSON.stringify(rows)).not.toContain(token);
  expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  const listed = await callTrpc(tend.app, 'tokens.list', 'query', {}, { session: ola });
  expect(listed.body).toContain('CI publish');
  expect(listed.body).not.toContain(token);

  expect((await callTrpc(tend.app, 'journeys.list', 'query', {}, { bearer: token })).statusCode).toBe(200);
  await callTrpc(tend.app, 'tokens.revoke', 'mutation', { id }, { session: ola });
  expect((await callTrpc(tend.app, 'journeys.list', 'query', {}, { bearer: token })).statusCode).toBe(401);
});
