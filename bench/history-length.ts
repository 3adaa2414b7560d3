import { contacts, inArray } from '@tend/db';
import { startTestTend, type TestTend } from '@tend/e2e/harness';
import { journeyWorkflowId } from '@tend/journey/ir';
import { publishJourney } from '@tend/publishing';
import type { WorkflowClient } from '@temporalio/client';
import type { Cleanup } from './cleanup.js';
import { minimalJourney, winBack, type BenchJourney } from './engine-journeys.js';
import { number, progress, type Comparison } from './report.js';
import { quietWorkerLogs } from './worker-logs.js';

const contactCount = 20;
/** Every fourth contact orders again at day 60, which restarts win-back (continue-as-new). */
const restarts = (i: number) => i % 4 === 0;
const baselineCount = 3;
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Chain {
  events: number;
  runs: number;
}

/**
 * Section 4.4, on Temporal's time-skipping test server with the whole of Tend in this process
 * (startTestTend): 20 contacts go through win-back, some restarting at day 60, and each
 * contact's workflow history is counted across its runs. Baseline: a trigger → exit run.
 */
export async function benchHistoryLength(options: { cleanup: Cleanup }): Promise<{ rows: Comparison[]; notes: string[] }> {
  quietWorkerLogs();
  progress('Tend in this process on the time-skipping test server (startTestTend: bundles the workflows first)');
  const tend = await startTestTend();
  const stopTend = options.cleanup.defer('Tend on the time-skipping test server', () => tend.stop());
  const journey = winBack();
  for (const published of [journey, minimalJourney]) await publish(tend, published);

  const shoppers = Array.from({ length: contactCount }, (_, i) => `winback-${i}`);
  const minimal = Array.from({ length: baselineCount }, (_, i) => `minimal-${i}`);
  progress(`${contactCount} contacts order once; ${baselineCount} more enter "${minimalJourney.graph.name}"`);
  for (const [i, userId] of shoppers.entries()) {
    await post(tend, 'identify', { userId, messageId: `identify-${userId}`, traits: { email: `${userId}@bench.test`, firstName: `Pat${i}` } });
    await post(tend, 'track', { userId, event: 'Order Completed', messageId: `order-1-${userId}`, properties: { orderId: `o1-${userId}`, total: 50 } });
  }
  for (const userId of minimal) await post(tend, 'track', { userId, event: 'Bench Minimal', messageId: `minimal-${userId}`, properties: {} });
  await settle(1000);

  progress(`skipping to day 60: ${shoppers.filter((_, i) => restarts(i)).length} contacts order again (a restart)`);
  await tend.env.sleep('60 days');
  await settle(500);
  for (const [i, userId] of shoppers.entries()) {
    if (restarts(i)) await post(tend, 'track', { userId, event: 'Order Completed', messageId: `order-2-${userId}`, properties: { orderId: `o2-${userId}`, total: 30 } });
  }
  await settle(1000);

  progress('skipping to day 220, past every wait and goal window, until every run has completed');
  const ids = await workflowIds(tend, journey.graph.id, shoppers);
  const baselineIds = await workflowIds(tend, minimalJourney.graph.id, minimal);
  const client = tend.env.client.workflow;
  const completed = await skipUntilCompleted(tend, [...ids, ...baselineIds], 160);
  if (completed < ids.length + baselineIds.length) progress(`  only ${completed}/${ids.length + baselineIds.length} runs completed: counting the histories as they are`);
  const results = [];
  for (const id of ids) results.push(await lastResult(client, id)); // one at a time: see skipUntilCompleted

  const chains = await Promise.all(ids.map((id) => chainHistory(client, id)));
  const baselines = await Promise.all(baselineIds.map((id) => chainHistory(client, id)));
  await stopTend();

  const mean = (list: Chain[]) => list.reduce((sum, chain) => sum + chain.events, 0) / list.length;
  const restarted = chains.filter((_, i) => restarts(i));
  const baseline = mean(baselines);
  const baselineLabel = `"${minimalJourney.graph.name}" run`;
  const rows: Comparison[] = [
    { figure: 'history events per win-back contact, mean', value: mean(chains), baseline: baselineLabel, base: baseline, unit: 'events' },
    { figure: 'history events per win-back contact, max', value: Math.max(...chains.map((chain) => chain.events)), baseline: baselineLabel, base: baseline, unit: 'events' },
    { figure: `  of which the ${restarted.length} restarted at day 60, mean`, value: mean(restarted), baseline: baselineLabel, base: baseline, unit: 'events' },
  ];
  const notes = [
    `journey: win-back, ${journey.source}; ${contactCount} contacts, each with one order at day 0 and every fourth a second one at day 60.`,
    `events = the whole workflow history of the contact's workflow id, summed over its runs (continue-as-new): runs per contact ${runsText(chains)}.`,
    ...pathsText(results),
    `baseline: trigger → exit, mean of ${baselineCount} contacts, on the same server and worker.`,
    'Time-skipping test server (Temporal\'s, in-process Tend): timers fire at once, so 150+ days take seconds; histories are as on a real server.',
  ];
  return { rows, notes };
}

async function publish(tend: TestTend, journey: BenchJourney): Promise<void> {
  const published = await publishJourney(tend.database.db, tend.workspace.id, journey.graph);
  if (!published.ok) throw new Error(`${journey.graph.id} (${journey.source}) was refused: ${JSON.stringify(published.problems)}`);
}

async function post(tend: TestTend, kind: 'identify' | 'track', payload: object): Promise<void> {
  const response = await tend.app.inject({ method: 'POST', url: `/v1/${kind}`, headers: { authorization: tend.auth }, payload });
  if (response.statusCode !== 200) throw new Error(`POST /v1/${kind} answered ${response.statusCode}: ${response.body}`);
}

async function workflowIds(tend: TestTend, journeyId: string, userIds: string[]): Promise<string[]> {
  const rows = await tend.database.db.select({ id: contacts.id, userId: contacts.userId }).from(contacts).where(inArray(contacts.userId, userIds));
  const byUser = new Map(rows.map((row) => [row.userId, row.id]));
  return userIds.map((userId) => {
    const contactId = byUser.get(userId);
    if (!contactId) throw new Error(`no contact for ${userId}: the ingest did not store it`);
    return journeyWorkflowId(tend.workspace.id, journeyId, contactId);
  });
}

/**
 * Skips `days` of workflow time, then (in real time) waits for the runs to finish what that
 * woke up; skips 10 days more while some still run, at most 20 times. The test server's
 * time-skipping lock comes unbalanced (IllegalStateException) when many result() calls wait
 * at once, so runs are watched with describe() and their results read one at a time.
 */
async function skipUntilCompleted(tend: TestTend, ids: string[], days: number): Promise<number> {
  await tend.env.sleep(`${days} days`);
  for (let round = 0; ; round++) {
    const deadline = performance.now() + 10_000;
    let completed = 0;
    while (performance.now() < deadline) {
      const statuses = await Promise.all(ids.map(async (id) => (await tend.env.client.workflow.getHandle(id).describe()).status.name));
      completed = statuses.filter((status) => status !== 'RUNNING').length;
      if (completed === ids.length) return completed;
      await settle(250);
    }
    if (round === 20) return completed;
    await tend.env.sleep('10 days');
  }
}

/** What the latest run returned: its end and the nodes it visited; null when it did not complete. */
async function lastResult(client: WorkflowClient, workflowId: string): Promise<{ end: string; visited: string[] } | null> {
  const handle = client.getHandle(workflowId);
  if ((await handle.describe()).status.name !== 'COMPLETED') return null;
  return (await handle.result()) as { end: string; visited: string[] };
}

/** The latest run's history, then each earlier run's, found through continuedExecutionRunId. */
async function chainHistory(client: WorkflowClient, workflowId: string): Promise<Chain> {
  let runId: string | undefined;
  let events = 0;
  let runs = 0;
  while (runs < 100) {
    const history = await client.getHandle(workflowId, runId).fetchHistory();
    events += history.events?.length ?? 0;
    runs++;
    runId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
    if (!runId) break;
  }
  return { events, runs };
}

function runsText(chains: Chain[]): string {
  const counts = new Map<number, number>();
  for (const chain of chains) counts.set(chain.runs, (counts.get(chain.runs) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a - b).map(([runs, contacts]) => `${runs} run${runs === 1 ? '' : 's'}: ${contacts}`).join(', ');
}

/** Each distinct path the last runs took, with how many contacts took it. */
function pathsText(results: ({ visited: string[] } | null)[]): string[] {
  const counts = new Map<string, number>();
  for (const result of results) {
    const path = result ? result.visited.join(' → ') : '(still running)';
    counts.set(path, (counts.get(path) ?? 0) + 1);
  }
  return ['paths of the last runs:', ...[...counts].sort(([, a], [, b]) => b - a).map(([path, count]) => `  ${number(count)} × ${path}`)];
}
