// Records the histories of representative journeys into workflows/histories/, one JSON file per
// workflow run. workflows/src/replay.test.ts replays them all against the current
// interpreter: a change that would break a run recorded here (and so a run in flight in
// production) fails that test unless it is behind patched().
//
//   node --conditions=@tend/source --import tsx e2e/scripts/record-histories.ts [--time-skipping] [--workflows <index.ts>] [--out <dir>]
//
// By default it records on a real Temporal dev server, with the journeys' durations scaled
// down to seconds: its histories have production's shape. Temporal's time-skipping test server
// (--time-skipping) does not reliably deliver the signal of a signalWithStart that starts a
// workflow, which every production run receives first. --workflows records with another copy of
// the interpreter (e.g. an older commit's workflows/src/index.ts, to check a change replays it).
//
// It lives with the system tests because it drives the whole of Tend (server, worker, routing).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { httpSmsTransport, smtpTransport } from '@tend/channels';
import { startHttpPeer, startSmtpPeer } from '@tend/channels/testing';
import { and, contacts, enrolments, eq, nodeVisits } from '@tend/db';
import { openTestDatabase } from '@tend/db/testing';
// Not the support index: it also loads the vitest fixture, which fails outside vitest.
import { eventually, localTemporal, timeSkippingTemporal } from '../src/support/harness.js';
import { durationUnits, type JourneyGraphInput } from '@tend/journey';
import { contactEventSignal, journeyTaskQueue, moveSignal, positionQuery, removeSignal, type JourneyPosition, type MoveSignal, type RemoveSignal } from '@tend/journey/ir';
import { publishAndApply, setJourneyStatus } from '@tend/publishing';
import { buildServer, checkHealth, ensureDevWorkspace, startServerRouting } from '@tend/server';
import { createActivities } from '@tend/worker';
import { Worker } from '@temporalio/worker';
import { sourceBundlerOptions, workflowsPath as currentWorkflows } from '@tend/workflows/path';

const { values: args } = parseArgs({ options: { 'time-skipping': { type: 'boolean', default: false }, workflows: { type: 'string' }, out: { type: 'string' } } });
const root = new URL('../../', import.meta.url);
const outDir = args.out ? new URL(`file://${resolve(args.out)}/`) : new URL('workflows/histories/', root);
const day = durationUnits.days;

/** The journey with every duration ({ amount, unit }) scaled: a day of the journey lasts `msPerDay`. */
function scaled(graph: JourneyGraphInput, msPerDay: number): JourneyGraphInput {
  const scale = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(scale);
    if (!value || typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    if (typeof record.amount === 'number' && typeof record.unit === 'string' && record.unit in durationUnits) {
      const ms = record.amount * durationUnits[record.unit as keyof typeof durationUnits];
      return { amount: Math.max(0.2, (ms / day) * (msPerDay / 1000)), unit: 'seconds' };
    }
    return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, scale(inner)]));
  };
  return { ...graph, settings: scale(graph.settings) as JourneyGraphInput['settings'], nodes: graph.nodes.map((node) => ({ ...node, data: scale(node.data) as Record<string, unknown> })) };
}

const example = (name: string): JourneyGraphInput => JSON.parse(readFileSync(new URL(`examples/journeys/${name}.json`, root), 'utf8'));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Pricing branch, then a split with a holdout for pros, a wait and an email for the others, and a goal. */
const branchAndSplit: JourneyGraphInput = {
  id: 'upgrade-offer',
  name: 'Upgrade offer',
  settings: { reentry: 'once-at-a-time', timeZone: 'UTC', exitWhen: [] },
  nodes: [
    { id: 'plan-chosen', type: 'trigger.event', data: { event: 'Plan Chosen' } },
    { id: 'which-plan', type: 'branch', data: { cases: [{ id: 'pro', label: 'Pro', condition: { kind: 'attribute', attribute: 'plan', op: 'eq', value: 'pro' } }] } },
    { id: 'ab', type: 'split', data: { paths: [{ id: 'a', label: 'A', percent: 50 }, { id: 'control', label: 'Control', percent: 50, holdout: true }] } },
    { id: 'pro-email', type: 'send-email', data: { subject: 'Pro tips', html: '<p>Pro tips</p>' } },
    { id: 'a-day', type: 'wait', data: { amount: 1, unit: 'days' } },
    { id: 'upgrade-email', type: 'send-email', data: { subject: 'Go pro', html: '<p>Upgrade, {{ contact.firstName }}</p>' } },
    { id: 'done', type: 'exit', data: {} },
    { id: 'upgraded', type: 'goal', data: { event: 'Upgraded', window: { amount: 3, unit: 'days' } } },
    { id: 'converted', type: 'exit', data: {} },
  ],
  edges: [
    { id: 'e1', source: 'plan-chosen', target: 'which-plan' },
    { id: 'e2', source: 'which-plan', sourceHandle: 'pro', target: 'ab' },
    { id: 'e3', source: 'which-plan', sourceHandle: 'else', target: 'a-day' },
    { id: 'e4', source: 'ab', sourceHandle: 'a', target: 'pro-email' },
    { id: 'e5', source: 'ab', sourceHandle: 'control', target: 'pro-email' },
    { id: 'e6', source: 'pro-email', target: 'done' },
    { id: 'e7', source: 'a-day', target: 'upgrade-email' },
    { id: 'e8', source: 'upgrade-email', target: 'done' },
    { id: 'e9', source: 'upgraded', target: 'converted' },
  ],
};

/** A wait between two signals of the console: pause, resume, a move to a new version, archive. */
const operations = (subject: string): JourneyGraphInput => ({
  id: 'operations',
  name: 'Operations',
  nodes: [
    { id: 'go', type: 'trigger.event', data: { event: 'Ops Go' } },
    { id: 'wait', type: 'wait', data: { amount: 1, unit: 'days' } },
    { id: 'mail', type: 'send-email', data: { subject, html: `<p>${subject}</p>` } },
    { id: 'done', type: 'exit', data: {} },
  ],
  edges: [
    { id: 'e1', source: 'go', target: 'wait' },
    { id: 'e2', source: 'wait', target: 'mail' },
    { id: 'e3', source: 'mail', target: 'done' },
  ],
});

/**
 * A minute's wait, then a day to complete the profile, else an email. "Page Viewed" is listened
 * for (an exit criterion no view meets), so each page view reaches the run as a signal.
 */
const profileReminder: JourneyGraphInput = {
  id: 'profile-reminder',
  name: 'Profile reminder',
  settings: { reentry: 'once-at-a-time', timeZone: 'UTC', exitWhen: [{ event: 'Page Viewed', filters: [{ property: 'page', op: 'eq', value: '/cancel' }] }] },
  nodes: [
    { id: 'signed-up', type: 'trigger.event', data: { event: 'Signed Up' } },
    { id: 'a-minute', type: 'wait', data: { amount: 1, unit: 'minutes' } },
    { id: 'wait-for-profile', type: 'wait-for-event', data: { event: 'Profile Completed', timeout: { amount: 1, unit: 'days' } } },
    { id: 'completed', type: 'exit', data: {} },
    { id: 'nudge-email', type: 'send-email', data: { subject: 'Complete your profile', html: '<p>Tell us about yourself</p>' } },
    { id: 'done', type: 'exit', data: {} },
  ],
  edges: [
    { id: 'e1', source: 'signed-up', target: 'a-minute' },
    { id: 'e2', source: 'a-minute', target: 'wait-for-profile' },
    { id: 'e3', source: 'wait-for-profile', sourceHandle: 'happened', target: 'completed' },
    { id: 'e4', source: 'wait-for-profile', sourceHandle: 'timed-out', target: 'nudge-email' },
    { id: 'e5', source: 'nudge-email', target: 'done' },
  ],
};

/**
 * A branch on the plan, a split for pros, then up to 3 days to pay: the contacts waiting there
 * are moved or removed by a person (the console's moveContact / removeContact), with a reason.
 */
const invoice: JourneyGraphInput = {
  id: 'invoice',
  name: 'Invoice',
  settings: { reentry: 'once-at-a-time', timeZone: 'UTC', exitWhen: [] },
  nodes: [
    { id: 'sent', type: 'trigger.event', data: { event: 'Invoice Sent' } },
    { id: 'which-plan', type: 'branch', data: { cases: [{ id: 'pro', label: 'Pro', condition: { kind: 'attribute', attribute: 'plan', op: 'eq', value: 'pro' } }] } },
    { id: 'ab', type: 'split', data: { paths: [{ id: 'a', label: 'A', percent: 50 }, { id: 'b', label: 'B', percent: 50 }] } },
    { id: 'wait-paid', type: 'wait-for-event', data: { event: 'Invoice Paid', timeout: { amount: 3, unit: 'days' } } },
    { id: 'thanks', type: 'send-email', data: { subject: 'Thanks', html: '<p>Thanks for paying</p>' } },
    { id: 'reminder', type: 'send-email', data: { subject: 'Reminder', html: '<p>Your invoice is due</p>' } },
    { id: 'done', type: 'exit', data: {} },
  ],
  edges: [
    { id: 'e1', source: 'sent', target: 'which-plan' },
    { id: 'e2', source: 'which-plan', sourceHandle: 'pro', target: 'ab' },
    { id: 'e3', source: 'which-plan', sourceHandle: 'else', target: 'wait-paid' },
    { id: 'e4', source: 'ab', sourceHandle: 'a', target: 'wait-paid' },
    { id: 'e5', source: 'ab', sourceHandle: 'b', target: 'wait-paid' },
    { id: 'e6', source: 'wait-paid', sourceHandle: 'happened', target: 'thanks' },
    { id: 'e7', source: 'wait-paid', sourceHandle: 'timed-out', target: 'reminder' },
    { id: 'e8', source: 'thanks', target: 'done' },
    { id: 'e9', source: 'reminder', target: 'done' },
  ],
};

const [env, database, smtp, smsProvider] = await Promise.all([
  args['time-skipping'] ? timeSkippingTemporal() : localTemporal(),
  openTestDatabase('pglite'),
  startSmtpPeer(),
  startHttpPeer(),
]);
const workspace = await ensureDevWorkspace(database.db, 'record-histories');
const email = smtpTransport(smtp.url);
const worker = await Worker.create({
  connection: env.nativeConnection,
  taskQueue: journeyTaskQueue,
  activities: createActivities({ db: database.db, email, sms: httpSmsTransport(`${smsProvider.url}/v1/messages`), temporal: env.client }),
  workflowsPath: args.workflows ?? currentWorkflows,
  bundlerOptions: sourceBundlerOptions,
});
const running = worker.run();
const routing = startServerRouting(database.db, env.client, { onError: (error) => console.warn('routing failed', error) });
const deps = { db: database.db, temporal: env.client, workspace, health: () => checkHealth(database, env.client, 'default'), routing };
const app = await buildServer(deps);
/** The console's journey actions, as its API performs them (without signing in to it). */
const journeys = {
  publish: (graph: JourneyGraphInput, moveWaiting: boolean) => publishAndApply(database.db, env.client, workspace.id, graph, { moveWaiting }),
  pause: (id: string) => setJourneyStatus(database.db, env.client, workspace.id, id, 'paused'),
  resume: (id: string) => setJourneyStatus(database.db, env.client, workspace.id, id, 'active'),
  archive: (id: string) => setJourneyStatus(database.db, env.client, workspace.id, id, 'archived'),
};
const auth = `Basic ${Buffer.from(`${workspace.writeKey}:`).toString('base64')}`;

let sequence = 0;
async function call(kind: 'identify' | 'track', body: Record<string, unknown>) {
  const response = await app.inject({ method: 'POST', url: `/v1/${kind}`, headers: { authorization: auth }, payload: { ...body, messageId: `record-${++sequence}` } });
  if (response.statusCode !== 200) throw new Error(`${kind} answered ${response.statusCode}: ${response.body}`);
  await routing.drained(); // the script's steps follow each other as a person's would
}
const identify = (userId: string, traits: Record<string, unknown>) => call('identify', { userId, traits });
const track = (userId: string, event: string, properties: Record<string, unknown> = {}) => call('track', { userId, event, properties });
async function publish(graph: JourneyGraphInput, msPerDay: number, moveWaiting = false) {
  const result = await journeys.publish(scaled(graph, msPerDay), moveWaiting);
  if (!result.ok) throw new Error(`${graph.id} was refused: ${JSON.stringify(result.problems)}`);
}

/** What to record: a file name and the (user, journey) whose workflow it is. */
const recorded: { name: string; userId: string; journeyId: string }[] = [];
const person = async (name: string, journeyId: string, traits: Record<string, unknown> = {}) => {
  const userId = `${journeyId}-${name}`;
  await identify(userId, { email: `${userId}@example.com`, firstName: name, phone: '+14155550123', ...traits });
  recorded.push({ name: `${journeyId}--${name}`, userId, journeyId });
  return userId;
};

try {
  await publish(example('abandoned-cart'), 6_000);
  await publish(example('post-purchase'), 500);
  await publish(example('win-back'), 50);
  await publish(branchAndSplit, 2_000);
  await publish(operations('Sent by v1'), 4_000);
  // Its minute lasts 2 seconds: long enough to pause the journey in it.
  await publish(profileReminder, 2_880_000);

  const buyer = await person('ordered', 'abandoned-cart');
  await track(buyer, 'Cart Started', { cartId: 'cart-1', cartUrl: 'https://shop.example/cart/1' });
  const reminded = await person('reminded', 'abandoned-cart');
  await track(reminded, 'Cart Started', { cartId: 'cart-2', cartUrl: 'https://shop.example/cart/2' });
  const spender = await person('big-spender', 'post-purchase');
  await track(spender, 'Order Completed', { orderId: 'o-2', total: 150 });
  const lapsed = await person('lapsed', 'win-back');
  await track(lapsed, 'Order Completed', { orderId: 'o-3', total: 40 });
  const returning = await person('ordered-again', 'win-back');
  await track(returning, 'Order Completed', { orderId: 'o-4', total: 40 });
  for (const [name, plan] of [['pro-1', 'pro'], ['pro-2', 'pro'], ['pro-3', 'pro'], ['free', 'free'], ['upgrades', 'free']] as const) {
    await track(await person(name, 'upgrade-offer', { plan }), 'Plan Chosen', { plan });
  }
  const moved = await person('paused-resumed-moved', 'operations');
  await track(moved, 'Ops Go');
  // Published last, so only these two (new contacts) enter the welcome journey.
  await publish(example('welcome'), 1_000);
  await person('new-contact', 'welcome');
  const ordered = await person('already-ordered', 'welcome');
  await track(ordered, 'Order Completed', { orderId: 'o-1', total: 30 });

  // Events and console actions while the contacts wait.
  await pause(300);
  await track(buyer, 'Order Completed', { cartId: 'cart-1', total: 80 });
  await track(returning, 'Order Completed', { orderId: 'o-5', total: 60 });
  await track('upgrade-offer-upgrades', 'Upgraded');
  await journeys.pause('operations');
  await pause(300);
  await journeys.resume('operations');
  await publish(operations('Sent by v2'), 4_000, true);

  const workflowOf = async (userId: string, journeyId: string) => {
    const [contact] = await database.db.select({ id: contacts.id }).from(contacts).where(eq(contacts.userId, userId));
    const [row] = await database.db.select().from(enrolments).where(and(eq(enrolments.contactId, contact!.id), eq(enrolments.journeyId, journeyId)));
    if (!row) throw new Error(`${userId} never entered ${journeyId}`);
    return row;
  };
  /** Until the workflow's last run ended (skipping time on the test server). */
  const ended = async (userId: string, journeyId: string) => {
    const handle = env.client.workflow.getHandle((await workflowOf(userId, journeyId)).workflowId);
    if (args['time-skipping']) return void (await handle.result());
    const deadline = Date.now() + 60_000;
    while ((await handle.describe()).status.name === 'RUNNING') {
      if (Date.now() > deadline) throw new Error(`${handle.workflowId} is still running after a minute`);
      await pause(200);
    }
  };
  for (const { userId, journeyId } of recorded) await ended(userId, journeyId);

  // Archiving stops a waiting contact.
  const stopped = await person('archived', 'operations');
  await track(stopped, 'Ops Go');
  await pause(500);
  await journeys.archive('operations');
  await ended(stopped, 'operations');

  // A wait-for-event counts its event however many others follow: runs started before the patch
  // "wait-for-event-without-200-event-limit" kept the last 200 events only. The journey is
  // paused during the minute's wait, so the contact is held before wait-for-profile; it completes
  // its profile, views 250 pages, and is let go: "happened" at once (before the patch, "timed-out"
  // a day later).
  const profiled = await person('completed-then-250-page-views', 'profile-reminder');
  await track(profiled, 'Signed Up');
  const profiledRun = env.client.workflow.getHandle((await workflowOf(profiled, 'profile-reminder')).workflowId);
  const where = () => profiledRun.query<JourneyPosition>(positionQuery);
  await eventually(async () => (await where()).nodeId === 'a-minute', 'the contact to wait its minute');
  await journeys.pause('profile-reminder');
  const held = await eventually(async () => {
    const position = await where();
    return position.status !== 'waiting' || position.nodeId !== 'a-minute' ? position : null;
  }, 'the minute to run out');
  if (held.status !== 'paused' || held.nodeId !== 'wait-for-profile') throw new Error(`the pause came too late: ${JSON.stringify(held)}`);
  await track(profiled, 'Profile Completed');
  for (let view = 0; view < 250; view++) await track(profiled, 'Page Viewed', { page: '/home' });
  const received = (await profiledRun.fetchHistory()).events?.filter((event) => event.workflowExecutionSignaledEventAttributes?.signalName === contactEventSignal);
  if (received?.length !== 252) throw new Error(`the run got ${received?.length} of its 252 events (entry, profile, 250 views)`);
  await journeys.resume('profile-reminder');
  const outcome = await eventually(async () => {
    const [visit] = await database.db
      .select()
      .from(nodeVisits)
      .where(and(eq(nodeVisits.workflowId, profiledRun.workflowId), eq(nodeVisits.nodeId, 'wait-for-profile')));
    return visit?.outcome;
  }, 'wait-for-profile to complete at once (an interpreter without the patch forgets the profile and waits out its day)');
  if (outcome !== 'happened') throw new Error(`wait-for-profile ended "${outcome}", not "happened"`);
  await ended(profiled, 'profile-reminder');

  // A person moves or removes one waiting contact (signals as routing's commandContact sends
  // them). Its 3 days last 15 seconds: the refused move's contact times out while recording.
  await publish(invoice, 5_000);
  const atWaitPaid = async (userId: string) => {
    const run = env.client.workflow.getHandle((await workflowOf(userId, 'invoice')).workflowId);
    await eventually(async () => {
      const position = await run.query<JourneyPosition>(positionQuery);
      return position.nodeId === 'wait-paid' && position.status === 'waiting';
    }, `${userId} to wait at wait-paid`);
    return run;
  };
  const invoiced = async (name: string, plan: string) => {
    const userId = await person(name, 'invoice', { plan });
    await track(userId, 'Invoice Sent', { invoiceId: `inv-${name}` });
    return { userId, run: await atWaitPaid(userId) };
  };
  const movedByHand = await invoiced('moved', 'pro');
  await movedByHand.run.signal(moveSignal, { toNodeId: 'reminder', reason: 'paid by cheque', by: 'ada@example.com' } satisfies MoveSignal);
  const removedByHand = await invoiced('removed', 'free');
  await removedByHand.run.signal(removeSignal, { reason: 'asked us to stop', by: 'ada@example.com' } satisfies RemoveSignal);
  const refused = await invoiced('move-refused-then-timed-out', 'pro');
  await refused.run.signal(moveSignal, { toNodeId: 'no-such-node', reason: 'typo', by: 'ada@example.com' } satisfies MoveSignal);
  const paid = await invoiced('paid', 'free');
  await track(paid.userId, 'Invoice Paid', { invoiceId: 'inv-paid' });
  for (const { userId } of [movedByHand, removedByHand, refused, paid]) await ended(userId, 'invoice');
  const outcomes = async (userId: string) => {
    const { workflowId } = await workflowOf(userId, 'invoice');
    const visits = await database.db.select().from(nodeVisits).where(eq(nodeVisits.workflowId, workflowId)).orderBy(nodeVisits.id);
    return visits.map((visit) => `${visit.nodeId}:${visit.outcome}`).join(' ');
  };
  const expected = {
    [movedByHand.userId]: /^sent:entered which-plan:branch:Pro ab:split:[AB] wait-paid:moved reminder:sent done:exited$/,
    [removedByHand.userId]: /^sent:entered which-plan:branch:else wait-paid:removed$/,
    [refused.userId]: /^sent:entered which-plan:branch:Pro ab:split:[AB] wait-paid:move-refused wait-paid:timed-out reminder:sent done:exited$/,
    [paid.userId]: /^sent:entered which-plan:branch:else wait-paid:happened thanks:sent done:exited$/,
  };
  for (const [userId, path] of Object.entries(expected)) {
    const trail = await outcomes(userId);
    if (!path.test(trail)) throw new Error(`${userId} went "${trail}", not ${path}`);
  }

  mkdirSync(outDir, { recursive: true });
  let files = 0;
  for (const { name, userId, journeyId } of recorded) {
    const { workflowId, runKey } = await workflowOf(userId, journeyId);
    // Every run of the chain, first to last, following continue-as-new.
    const runs = [];
    for (let runId: string | null | undefined = runKey; runId; ) {
      const history = await env.client.workflow.getHandle(workflowId, runId).fetchHistory();
      runs.push(history);
      runId = history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId;
    }
    runs.forEach((history, index) => {
      const file = runs.length > 1 ? `${name}--run-${index + 1}.json` : `${name}.json`;
      writeFileSync(new URL(file, outDir), `${JSON.stringify(history, null, 1)}\n`);
      files++;
    });
  }
  console.log(`${files} histories of ${recorded.length} workflows written to ${outDir.pathname} (${args['time-skipping'] ? 'time-skipping test server' : 'Temporal dev server'})`);
} finally {
  await app.close();
  await routing.stop();
  worker.shutdown();
  await running;
  email.close();
  await Promise.all([smtp.stop(), smsProvider.stop()]);
  await env.teardown();
  await database.close();
}
