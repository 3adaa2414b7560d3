// Section 2b: identify → email at a steady pace (open loop: each call is sent on its tick,
// whether or not earlier ones have answered), beside a bare worker's start workflow →
// activity → SMTP loop at the same pace, and both loops as fast as they go.
import type { SmtpPeer } from '@tend/e2e/harness';
import { bareTaskQueue, startBareWorker } from './bare-worker.js';
import type { Cleanup } from './cleanup.js';
import { postJson } from './http.js';
import { identifyPhases } from './identify-phases.js';
import { watchArrivals, type MailArrivals } from './mail-arrivals.js';
import { runPool } from './pool.js';
import { format, progress, type Comparison } from './report.js';
import { perSecond, summarize, type Summary } from './stats.js';
import type { BenchTend } from './tend-instance.js';

const fastInFlight = 10;

interface PacedRun {
  latency: Summary;
  delivered: number;
  /** Arrivals per second, from the first send to the last arrival. */
  rate: number;
  /** How far behind its tick the last call was sent: the pacing's own slack. */
  lateMs: number;
  failures: string[];
  /** When each call was sent (performance.now()). */
  sentAt: number[];
}

export async function benchPacedIdentify(options: {
  tend: BenchTend;
  smtp: SmtpPeer;
  contacts: number;
  rate: number;
  /** Tend's emails/s with 10 identify calls in flight, from section 2's table. */
  tendFastest: number;
  cleanup: Cleanup;
}): Promise<{ rows: Comparison[]; notes: string[] }> {
  const { tend, smtp, contacts, rate, tendFastest, cleanup } = options;
  const runId = Date.now().toString(36);
  const arrivals = watchArrivals(smtp);
  try {
    progress(`identify → email at a steady ${rate}/s: ${contacts} new contacts`);
    const tendRecipient = (i: number) => `p${i}-${runId}@paced.bench.test`;
    // The messageId names the call in the run it starts, so the run's history can be matched to it.
    const tendMessageId = (i: number) => `bench-paced-${runId}-${i}`;
    const tendRun = await paced(contacts, rate, arrivals, tendRecipient, async (i, to) => {
      const answer = await postJson(`${tend.url}/v1/identify`, { userId: `bench-paced-${runId}-${i}`, messageId: tendMessageId(i), traits: { email: to, firstName: `Ada${i}` } }, tend.auth);
      if (answer.status !== 200) throw new Error(`${answer.status} ${JSON.stringify(answer.body)?.slice(0, 200)}`);
    });
    progress('reading the welcome runs\' histories: where the time went');
    const epoch = (at: number | undefined) => (at === undefined ? undefined : performance.timeOrigin + at);
    const calls = tendRun.sentAt.map((sent, i) => ({ messageId: tendMessageId(i), sentAt: epoch(sent)!, arrivedAt: epoch(arrivals.at(tendRecipient(i))) }));
    const phases = await identifyPhases(tend.temporalAddress, calls).catch((error: Error) => [`(where the time went: not read, ${error.message})`]);

    progress('a bare worker in the bench process on Tend\'s dev server: start workflow → activity → SMTP to the same peer');
    const bare = await startBareWorker({ address: tend.temporalAddress, smtpUrl: smtp.url, cleanup });
    const startSend = (prefix: string) => async (i: number, to: string) => {
      await bare.client.workflow.start('benchSendEmail', {
        taskQueue: bareTaskQueue,
        workflowId: `${prefix}-${runId}-${i}`,
        args: [{ from: 'bench@bench.test', to, subject: `Welcome, Ada${i}!`, html: welcomeHtml(i), text: welcomeText(i), messageId: `<${prefix}-${runId}-${i}@bench.test>` }],
      });
    };
    progress(`raw workflow → activity → SMTP at a steady ${rate}/s: ${contacts} emails`);
    const rawRun = await paced(contacts, rate, arrivals, (i) => `r${i}-${runId}@raw-paced.bench.test`, startSend('bench-paced-raw'));
    progress(`raw workflow → activity → SMTP as fast as it goes: ${contacts} emails, ${fastInFlight} starts in flight`);
    const rawFast = await fastest(contacts, arrivals, (i) => `f${i}-${runId}@raw-fast.bench.test`, startSend('bench-fast-raw'));
    await bare.stop();

    const rawLabel = `raw workflow → SMTP at ${rate}/s`;
    const rows: Comparison[] = [
      { figure: `identify → email p50 at ${rate}/s`, value: tendRun.latency.p50, baseline: `${rawLabel}, p50`, base: rawRun.latency.p50, unit: 'duration' },
      { figure: `identify → email p95 at ${rate}/s`, value: tendRun.latency.p95, baseline: `${rawLabel}, p95`, base: rawRun.latency.p95, unit: 'duration' },
      { figure: `identify → email max at ${rate}/s`, value: tendRun.latency.max, baseline: `${rawLabel}, max`, base: rawRun.latency.max, unit: 'duration' },
      { figure: `emails/s delivered at ${rate}/s offered`, value: tendRun.rate, baseline: rawLabel, base: rawRun.rate, unit: 'emails/s' },
      { figure: `identify → email, ${fastInFlight} in flight (table 2)`, value: tendFastest, baseline: 'raw workflow → SMTP, fastest', base: rawFast.rate, unit: 'emails/s' },
    ];
    const notes = [
      `delivered: Tend ${tendRun.delivered}/${contacts}, raw paced ${rawRun.delivered}/${contacts}, raw fastest ${rawFast.delivered}/${contacts}.`,
      `paced = call i sent at i/${rate} s, not waiting for earlier answers (open loop); the last call left ${format(Math.max(tendRun.lateMs, rawRun.lateMs), 'duration')} after its tick at most.`,
      'latency = call sent → email at the SMTP peer; Tend: POST /v1/identify, store, route, journey run, send-email activity (render, ledger), SMTP.',
      ...phases,
      'raw = client.workflow.start of a one-activity workflow on "bench-bare", a bare worker in the bench process on Tend\'s own dev server,',
      '  whose activity sends the same welcome text with Tend\'s SMTP transport (nodemailer) to the same peer; no database, no rendering.',
      `fastest: Tend's figure is table 2's throughput (${fastInFlight} identify calls in flight); the raw one starts all ${contacts} workflows, ${fastInFlight} starts in flight,`,
      '  and counts from the first start to the last arrival.',
      ...[...new Set([...tendRun.failures, ...rawRun.failures, ...rawFast.failures])].slice(0, 3).map((failure) => `failed: ${failure}`),
    ];
    return { rows, notes };
  } finally {
    arrivals.stop();
  }
}

async function paced(count: number, rate: number, arrivals: MailArrivals, recipient: (i: number) => string, send: (i: number, to: string) => Promise<void>): Promise<PacedRun> {
  const sentAt: number[] = [];
  const failures: string[] = [];
  const calls: Promise<void>[] = [];
  let lateMs = 0;
  const began = performance.now();
  const ticker = setInterval(() => progress(`  sent ${sentAt.length}/${count}, delivered ${arrived(arrivals, sentAt.length, recipient)}`), 2000);
  try {
    for (let i = 0; i < count; i++) {
      const tick = began + (i * 1000) / rate;
      const wait = tick - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      sentAt[i] = performance.now();
      lateMs = Math.max(lateMs, sentAt[i]! - tick);
      calls.push(send(i, recipient(i)).catch((error: Error) => void failures.push(error.message)));
    }
    await Promise.all(calls);
    await untilArrived(arrivals, count - failures.length, sentAt.length, recipient);
  } finally {
    clearInterval(ticker);
  }
  return { ...deliveries(sentAt, arrivals, recipient), lateMs, failures, sentAt };
}

async function fastest(count: number, arrivals: MailArrivals, recipient: (i: number) => string, send: (i: number, to: string) => Promise<void>): Promise<PacedRun> {
  const sentAt: number[] = [];
  const failures: string[] = [];
  await runPool(count, fastInFlight, async (i) => {
    sentAt[i] = performance.now();
    await send(i, recipient(i)).catch((error: Error) => void failures.push(error.message));
  });
  await untilArrived(arrivals, count - failures.length, sentAt.length, recipient);
  return { ...deliveries(sentAt, arrivals, recipient), lateMs: 0, failures, sentAt };
}

async function untilArrived(arrivals: MailArrivals, expected: number, sent: number, recipient: (i: number) => string): Promise<void> {
  const deadline = performance.now() + Math.max(60_000, expected * 100);
  while (arrived(arrivals, sent, recipient) < expected && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

function deliveries(sentAt: number[], arrivals: MailArrivals, recipient: (i: number) => string) {
  const latencies: number[] = [];
  let last = -Infinity;
  sentAt.forEach((sent, i) => {
    const at = arrivals.at(recipient(i));
    if (at === undefined) return;
    latencies.push(at - sent);
    last = Math.max(last, at);
  });
  return { latency: summarize(latencies), delivered: latencies.length, rate: perSecond(latencies.length, last - (sentAt[0] ?? 0)) };
}

function arrived(arrivals: MailArrivals, sent: number, recipient: (i: number) => string): number {
  let count = 0;
  for (let i = 0; i < sent; i++) if (arrivals.at(recipient(i)) !== undefined) count++;
  return count;
}

const welcomeHtml = (i: number) => `<p>Hi Ada${i},</p><p>Thanks for joining us. We are glad you are here.</p>`;
const welcomeText = (i: number) => `Hi Ada${i},\n\nThanks for joining us. We are glad you are here.`;
