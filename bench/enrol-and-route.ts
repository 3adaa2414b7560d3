import { join } from 'node:path';
import { startHttpPeer } from '@tend/channels/testing';
import type { Cleanup } from './cleanup.js';
import { abandonedCart, publishWithCli } from './engine-journeys.js';
import { launchTend } from './tend-instance.js';
import { activeEnrolments } from './journey-stats.js';
import { waitForCount, type Reached } from './poll-count.js';
import { startBareWorker } from './bare-worker.js';
import { rawFirstTasks, rawInFlight, rawSignals, rawStarts, rawWakes } from './raw-temporal.js';
import { format, progress, type Comparison } from './report.js';
import { perSecond } from './stats.js';
import { completedJourneys, countOf, runningJourneys, temporalClient } from './temporal-count.js';
import { batchesInFlight, postTrackEvents, type Posted } from './track-batches.js';

export interface Table {
  rows: Comparison[];
  notes: string[];
}

/**
 * Sections 5.1 and 5.2 on a fresh Tend: `count` new contacts start a cart (enrolments per
 * second, counted in Temporal and in Tend's routing index), then each orders that cart
 * (events routed per second, until every run completed). Baselines, as many in flight on the
 * same dev server: a bare worker's runs started with signalWithStart until their first task
 * ran, then signalled until they ended; and Temporal's own starts and signals on a queue
 * nobody polls.
 */
export async function benchEnrolAndRoute(options: { workDir: string; smtpUrl: string; count: number; cleanup: Cleanup }): Promise<{ enrol: Table; route: Table }> {
  const { workDir, smtpUrl, count, cleanup } = options;
  const journey = abandonedCart();
  const journeyId = journey.graph.id;
  const runId = Date.now().toString(36);
  const cartOf = (i: number) => `cart-${runId}-${i}`;
  const userOf = (i: number) => `shopper-${runId}-${i}`;
  const bound = () => performance.now() + 60_000 + count * 50;

  // The shipped abandoned cart texts a day after its email: Tend refuses to publish it without an SMS provider.
  const sms = await startHttpPeer();
  cleanup.defer('SMS provider peer', () => sms.stop());
  progress('a fresh Tend (npm start on an empty data directory), with an SMS provider peer');
  const tend = await launchTend({ dataDir: join(workDir, 'engine'), smtpUrl, smsUrl: `${sms.url}/v1/messages` });
  const stopTend = cleanup.defer('Tend (section 5.1–5.2)', tend.stop);
  const temporal = await temporalClient(tend.temporalAddress, cleanup);
  progress(`publishing abandoned cart (${journey.source}) with the tend CLI`);
  progress(`  ${await publishWithCli(journey, workDir, tend)}`);

  progress(`enrolling ${count} new contacts: "Cart Started" through /v1/batch, ${batchesInFlight} batches of 100 in flight`);
  const seen = { answered: 0, running: 0, indexed: 0, completed: 0 };
  let ticker = setInterval(() => progress(`  answered ${seen.answered}, running in Temporal ${seen.running}, in the routing index ${seen.indexed} (of ${count})`), 5000);
  let deadline = bound();
  const [cartsPosted, started, indexed] = await Promise.all([
    postTrackEvents(
      tend,
      count,
      (i) => ({ userId: userOf(i), event: 'Cart Started', messageId: `cart-started-${runId}-${i}`, properties: { cartId: cartOf(i), cartUrl: `https://shop.example/cart/${cartOf(i)}` } }),
      { deadline, answered: (n) => (seen.answered = n) },
    ),
    waitForCount(countOf(temporal, runningJourneys), count, deadline, (n) => (seen.running = n)),
    waitForCount(() => activeEnrolments(tend, journeyId), count, deadline, (n) => (seen.indexed = n)),
  ]).finally(() => clearInterval(ticker));
  reportFailures(cartsPosted);

  progress(`raw Temporal: ${count} workflow starts on an unpolled task queue, ${rawInFlight} in flight`);
  const rawIds = Array.from({ length: count }, (_, i) => `bench-raw-${runId}-${i}`);
  const starts = await rawStarts(temporal, rawIds, rawInFlight, bound());

  progress('a bare worker in the bench process on the same dev server (bundling its workflow code)');
  const bare = await startBareWorker({ address: tend.temporalAddress, smtpUrl, cleanup });
  progress(`raw Temporal: ${count} signalWithStart of a bare waiting workflow until the bare worker ran its first task, ${rawInFlight} in flight`);
  const bareIds = Array.from({ length: count }, (_, i) => `bench-bare-${runId}-${i}`);
  const firstTasks = await rawFirstTasks(bare, bareIds, rawInFlight, bound());

  progress(`routing: each contact orders its cart, "Order Completed" through /v1/batch, ${batchesInFlight} batches of 100 in flight`);
  seen.answered = 0;
  ticker = setInterval(() => progress(`  answered ${seen.answered}, runs completed ${seen.completed} (of ${count})`), 5000);
  deadline = bound();
  const [ordersPosted, completed] = await Promise.all([
    postTrackEvents(
      tend,
      count,
      (i) => ({ userId: userOf(i), event: 'Order Completed', messageId: `order-${runId}-${i}`, properties: { cartId: cartOf(i), total: 42 } }),
      { deadline, answered: (n) => (seen.answered = n) },
    ),
    waitForCount(countOf(temporal, completedJourneys), count, deadline, (n) => (seen.completed = n)),
  ]).finally(() => clearInterval(ticker));
  reportFailures(ordersPosted);

  progress(`raw Temporal: one signal to each of those ${count} workflows, ${rawInFlight} in flight`);
  const signals = await rawSignals(temporal, rawIds.slice(0, starts.done), rawInFlight, bound());
  progress(`raw Temporal: one signal to each of the ${firstTasks.done} bare waiting workflows until the bare worker ended it, ${rawInFlight} in flight`);
  const wakes = await rawWakes(bare, bareIds.filter((id) => bare.stamps.firstTask.has(id)), rawInFlight, bound());
  for (const failure of [...new Set([...starts.failures, ...signals.failures, ...firstTasks.failures, ...wakes.failures])].slice(0, 3)) progress(`  raw call failed: ${failure}`);

  progress('stopping the bare worker and this Tend');
  await bare.stop();
  await stopTend();

  const rate = (reached: Reached, posted: Posted) => perSecond(reached.count, (reached.at ?? NaN) - posted.began);
  const accepted = (posted: Posted) => perSecond(posted.accepted, posted.lastAnswer - posted.began);
  const rawStartsLabel = `raw workflow starts, ${rawInFlight} in flight`;
  const firstTaskLabel = `raw signalWithStart → first task, ${rawInFlight} in flight`;
  const enrol: Table = {
    rows: [
      { figure: 'enrolments/s, in the routing index', value: rate(indexed, cartsPosted), baseline: firstTaskLabel, base: firstTasks.perSecond, unit: 'contacts/s' },
      { figure: 'enrolments/s, running in Temporal', value: rate(started, cartsPosted), baseline: rawStartsLabel, base: starts.perSecond, unit: 'contacts/s' },
      { figure: '"Cart Started" accepted by /v1/batch', value: accepted(cartsPosted), baseline: rawStartsLabel, base: starts.perSecond, unit: 'events/s' },
    ],
    notes: [
      `journey: abandoned cart, ${journey.source}; ${count} new userIds, one "Cart Started" each, ${cartsPosted.accepted} accepted.`,
      `running in Temporal: ${reachedText(started, cartsPosted, count)}; in the routing index: ${reachedText(indexed, cartsPosted, count)} (each from the first batch sent).`,
      'running = counted by Temporal visibility (WorkflowType="journeyWorkflow", Running), which a run is from signalWithStart on;',
      '  routing index = GET /trpc/journeys.stats "active": the worker has run the first workflow task (beginEnrolment), so events reach the run.',
      `baseline for the routing index (the stated comparison): signalWithStart of a bare workflow on "bench-bare", polled by a bare worker in the bench`,
      `  process on Tend's own dev server, timed until each run's first workflow task ran its one local activity (as Tend's runs beginEnrolment in theirs),`,
      `  stamped in-process (no polling lag; Tend's counts are polled every 0.5 s): ${firstTasks.done}/${count} ran.`,
      `baseline for running in Temporal: client.workflow.start of a "noop" workflow on "bench-raw", a queue nobody polls: ${starts.done}/${count} started.`,
      `/v1/batch answers once a batch is stored; the routing consumer beside it routes different contacts ${rawInFlight} Temporal calls at a time, as the baselines.`,
    ],
  };
  const route: Table = {
    rows: [
      { figure: 'events routed/s, until every run completed', value: rate(completed, ordersPosted), baseline: `raw signal → run ended, ${rawInFlight} in flight`, base: wakes.perSecond, unit: 'events/s' },
      { figure: 'events routed/s, until every run completed', value: rate(completed, ordersPosted), baseline: `raw signals, ${rawInFlight} in flight`, base: signals.perSecond, unit: 'events/s' },
      { figure: '"Order Completed" accepted by /v1/batch', value: accepted(ordersPosted), baseline: `raw signals, ${rawInFlight} in flight`, base: signals.perSecond, unit: 'events/s' },
    ],
    notes: [
      `runs completed: ${reachedText(completed, ordersPosted, count)}, counted by Temporal visibility (journeyWorkflow, Completed); ${ordersPosted.accepted} orders accepted.`,
      'routed = stored, looked up in the routing index, signalled, and the run woken by the worker, matched on cartId and ended.',
      `baseline (the stated comparison): a raw signal loop, one handle.signal per waiting bare workflow, ${rawInFlight} in flight, timed until the bare worker`,
      `  woke each run, which ran one local activity and ended (stamped in-process): ${wakes.done} ended.`,
      `second baseline: handle.signal on the never-running bench-raw workflows: ${signals.done} signalled; the signal is only written to their history.`,
    ],
  };
  return { enrol, route };
}

function reachedText(reached: Reached, posted: Posted, target: number): string {
  if (reached.at === null) return `only ${reached.count}/${target} within the time limit`;
  return `all ${target} after ${format(reached.at - posted.began, 'duration')}`;
}

function reportFailures(posted: Posted): void {
  for (const failure of [...new Set(posted.failures)].slice(0, 3)) progress(`  refused: ${failure}`);
}
