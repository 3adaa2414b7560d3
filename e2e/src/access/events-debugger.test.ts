// The console's event debugger shows a workspace's calls, accepted and refused, and nothing of
// another workspace's. Refused calls are written straight into ingestion_errors here: the
// server's partial-batch work, which will write them, is in progress elsewhere.
import { eq, ingestionErrors, workspaces } from '@tend/db';
import { addMember, callTrpc, signIn, type Session } from '../support/accounts.js';
import { expect, test, type Tend } from '../support/index.js';

interface Call {
  kind: 'accepted' | 'rejected';
  id: string;
  cursor: string;
  type: string | null;
  name: string | null;
  userId: string | null;
  contact?: { id: string; userId: string | null; email: string | null } | null;
  properties?: unknown;
  payload?: unknown;
  cut: boolean;
  field?: string;
  message?: string;
  routed: boolean;
}
interface Counts {
  accepted: { lastHour: number; lastDay: number };
  rejected: { lastHour: number; lastDay: number };
}

const data = <T>(body: string) => (JSON.parse(body) as { result: { data: T } }).result.data;

let acme: Session;
let globex: Session;

test.beforeAll(async ({ tend }) => {
  await addMember(tend, { email: 'dee@acme.example', role: 'analyst', workspaceId: tend.workspace.id });
  await addMember(tend, { email: 'gus@globex.example', role: 'owner', workspaceId: 'globex' });
  acme = await signIn(tend.app, 'dee@acme.example');
  globex = await signIn(tend.app, 'gus@globex.example');

  await tend.identify('ada', { email: 'ada@acme.example' });
  await tend.track('ada', 'Order Completed', { total: 42 });
  await tend.database.db.insert(ingestionErrors).values({
    workspaceId: tend.workspace.id,
    callType: 'track',
    messageId: 'msg-acme-bad',
    field: 'event',
    message: 'required: a track call names its event',
    payload: { type: 'track', userId: 'ada', properties: { total: 7 } },
  });

  // Globex has a shop of its own: one accepted call through its write key, one refused.
  const [other] = await tend.database.db.select({ writeKey: workspaces.writeKey }).from(workspaces).where(eq(workspaces.id, 'globex'));
  const identify = await tend.app.inject({
    method: 'POST',
    url: '/v1/identify',
    headers: { authorization: `Basic ${Buffer.from(`${other!.writeKey}:`).toString('base64')}` },
    payload: { userId: 'gina-globex', traits: { email: 'gina@globex.example' } },
  });
  expect(identify.statusCode, identify.body).toBe(200);
  await tend.database.db.insert(ingestionErrors).values({ workspaceId: 'globex', callType: 'page', field: 'userId', message: 'globex only refusal', payload: { type: 'page' } });
});

const recent = async (tend: Tend, session: Session, input: object = {}) => {
  const answer = await callTrpc(tend.app, 'events.recent', 'query', input, { session });
  expect(answer.statusCode, answer.body).toBe(200);
  return { calls: data<Call[]>(answer.body), body: answer.body };
};

test("a member sees the workspace's accepted and rejected calls, newest first, with their contact and reason", async ({ tend }) => {
  const { calls } = await recent(tend, acme);
  const order = calls.find((call) => call.name === 'Order Completed');
  expect(order).toMatchObject({ kind: 'accepted', type: 'track', userId: 'ada', properties: { total: 42 }, cut: false, contact: { userId: 'ada', email: 'ada@acme.example' } });
  expect(typeof order!.routed).toBe('boolean');
  expect(calls.find((call) => call.kind === 'accepted' && call.type === 'identify')).toMatchObject({ userId: 'ada', properties: { email: 'ada@acme.example' } });
  const refused = calls.find((call) => call.kind === 'rejected');
  expect(refused).toMatchObject({ type: 'track', userId: 'ada', field: 'event', message: 'required: a track call names its event', payload: { userId: 'ada' }, routed: false });
  // Newest first: the refusal was recorded after both accepted calls, the track after the identify.
  expect(calls.map((call) => `${call.kind}:${call.type}`)).toEqual(['rejected:track', 'accepted:track', 'accepted:identify']);
});

test("another workspace's calls never appear, and its counts are its own", async ({ tend }) => {
  const ours = await recent(tend, acme);
  for (const leak of ['gina', 'globex']) expect(ours.body).not.toContain(leak);
  const theirs = await recent(tend, globex);
  expect(theirs.calls.map((call) => `${call.kind}:${call.type}:${call.userId ?? call.message}`)).toEqual(['rejected:page:globex only refusal', 'accepted:identify:gina-globex']);
  for (const leak of ['ada', 'Order Completed', 'msg-acme-bad']) expect(theirs.body).not.toContain(leak);

  const counts = async (session: Session) => data<Counts>((await callTrpc(tend.app, 'events.counts', 'query', {}, { session })).body);
  expect(await counts(globex)).toEqual({ accepted: { lastHour: 1, lastDay: 1 }, rejected: { lastHour: 1, lastDay: 1 } });
  const acmeCounts = await counts(acme);
  expect(acmeCounts.accepted.lastHour).toBeGreaterThanOrEqual(2);
  expect(acmeCounts.rejected.lastDay).toBeGreaterThanOrEqual(1);
});

test('paging back with `before` misses nothing and repeats nothing, even among calls received at the same instant', async ({ tend }) => {
  // One statement: the three rows share now() to the microsecond, as a batch's refusals do.
  await tend.database.db.insert(ingestionErrors).values(
    ['a', 'b', 'c'].map((suffix) => ({ workspaceId: tend.workspace.id, callType: 'track', field: 'event', message: `same instant ${suffix}`, payload: {} })),
  );
  await tend.track('ada', 'Paged');
  const whole = (await recent(tend, acme, { limit: 200 })).calls.map((call) => call.cursor);
  const paged: string[] = [];
  let before: string | undefined;
  for (let page = 0; page < 20; page += 1) {
    const { calls } = await recent(tend, acme, before ? { limit: 2, before } : { limit: 2 });
    paged.push(...calls.map((call) => call.cursor));
    if (calls.length < 2) break;
    before = calls.at(-1)!.cursor;
  }
  expect(paged).toEqual(whole);
  expect(new Set(paged).size).toBe(paged.length);
});

test('a large payload arrives cut to a few KiB, marked as cut', async ({ tend }) => {
  await tend.database.db.insert(ingestionErrors).values({ workspaceId: tend.workspace.id, callType: 'track', field: 'properties.blob', message: 'too large', payload: { blob: 'x'.repeat(20_000) } });
  const [newest] = (await recent(tend, acme, { limit: 1 })).calls;
  expect(newest).toMatchObject({ kind: 'rejected', message: 'too large', cut: true });
  expect(typeof newest!.payload).toBe('string');
  expect((newest!.payload as string).length).toBe(4096);
  expect(newest!.payload as string).toMatch(/^\{"blob": "xxx/);
});

test('a malformed cursor is refused as a bad request', async ({ tend }) => {
  const answer = await callTrpc(tend.app, 'events.recent', 'query', { before: 'yesterday' }, { session: acme });
  expect(answer.statusCode).toBe(400);
});
