import { fileURLToPath } from 'node:url';
import { smtpTransport } from '@tend/channels';
import { runCli, type SmtpPeer } from '@tend/e2e/harness';
import { postJson, timedFetch } from './http.js';
import { watchArrivals, type MailArrivals } from './mail-arrivals.js';
import { runPool } from './pool.js';
import { format, progress, type Comparison } from './report.js';
import { perSecond, summarize, type Summary } from './stats.js';
import type { BenchTend } from './tend-instance.js';

const welcomeJourney = fileURLToPath(new URL('../examples/journeys/welcome.json', import.meta.url));
const inFlight = 10;

interface Delivery {
  /** Send → arrival at the SMTP peer, for each message that arrived. */
  latency: Summary;
  delivered: number;
  /** Arrivals per second, from the first send to the last arrival. */
  rate: number;
}

/**
 * identify → welcome email, per contact: from sending POST /v1/identify to the email's
 * arrival at the SMTP peer. Baselines: the same SMTP transport sending straight to the peer,
 * and the HTTP round trip of /healthz and of an unknown route on the same server.
 */
export async function benchIdentifyToEmail(options: { tend: BenchTend; smtp: SmtpPeer; contacts: number }) {
  const { tend, smtp, contacts } = options;
  const arrivals = watchArrivals(smtp);
  try {
    progress(`publishing ${welcomeJourney.slice(welcomeJourney.lastIndexOf('examples/'))} with the tend CLI`);
    const published = await runCli(['publish', welcomeJourney, '--url', tend.url], tend.cliEnv);
    if (published.code !== 0) throw new Error(`tend publish failed (${published.code}):\n${published.stdout}${published.stderr}`);
    progress(`  ${published.stdout.trim()}`);

    progress(`GET /healthz and GET an unknown route, ${contacts} each, ${inFlight} in flight`);
    const healthz = await httpRoundTrips(`${tend.url}/healthz`, contacts);
    const notFound = await httpRoundTrips(`${tend.url}/v1/bench-no-such-route`, contacts);

    progress(`raw SMTP: ${contacts} sends with Tend's transport straight to the peer, ${inFlight} in flight`);
    const smtpOnly = await rawSmtp(smtp, arrivals, contacts);

    progress(`identify → email: ${contacts} new contacts, ${inFlight} in flight`);
    const { delivery, accepted, offered } = await identifyToEmail(tend, arrivals, contacts);

    const rows: Comparison[] = [
      { figure: 'identify → email p50', value: delivery.latency.p50, baseline: 'raw SMTP send → arrival p50', base: smtpOnly.latency.p50, unit: 'duration' },
      { figure: 'identify → email p95', value: delivery.latency.p95, baseline: 'raw SMTP send → arrival p95', base: smtpOnly.latency.p95, unit: 'duration' },
      { figure: 'identify → email max', value: delivery.latency.max, baseline: 'raw SMTP send → arrival max', base: smtpOnly.latency.max, unit: 'duration' },
      { figure: 'identify → email throughput', value: delivery.rate, baseline: 'raw SMTP throughput', base: smtpOnly.rate, unit: 'emails/s' },
      { figure: 'POST /v1/identify answer p50', value: accepted.p50, baseline: 'GET /healthz p50', base: healthz.p50, unit: 'duration' },
      { figure: 'POST /v1/identify answer p95', value: accepted.p95, baseline: 'GET /healthz p95', base: healthz.p95, unit: 'duration' },
      { figure: 'GET /healthz p50', value: healthz.p50, baseline: 'GET unknown route (404) p50', base: notFound.p50, unit: 'duration' },
    ];
    const notes = [
      `delivered ${delivery.delivered}/${contacts} welcome emails (accepted ${accepted.count}); raw SMTP delivered ${smtpOnly.delivered}/${contacts}.`,
      'identify → email = POST /v1/identify sent → email at the SMTP peer (store, route, Temporal workflow, activity, SMTP).',
      `identify calls were accepted at ${format(offered, 'calls/s')} and emails delivered at ${format(delivery.rate, 'emails/s')}` +
        (offered > delivery.rate * 1.1 ? ': faster than delivery, so later contacts queue and the latency includes that wait.' : '.'),
      'GET /healthz pings Postgres and makes two Temporal RPCs; the unknown route is HTTP and Fastify alone.',
    ];
    return { rows, notes, throughput: delivery.rate };
  } finally {
    arrivals.stop();
  }
}

async function identifyToEmail(tend: BenchTend, arrivals: MailArrivals, contacts: number) {
  const sentAt: number[] = [];
  const answers: number[] = [];
  const refused: string[] = [];
  let lastAnswer = 0;
  const recipient = (i: number) => `u${i}@bench.test`;
  const ticker = setInterval(() => progress(`  sent ${sentAt.length}/${contacts}, delivered ${countArrived(arrivals, sentAt.length, recipient)}`), 2000);
  try {
    const began = performance.now();
    await runPool(
      contacts,
      inFlight,
      async (i) => {
        sentAt[i] = performance.now();
        const answer = await postJson(`${tend.url}/v1/identify`, { userId: `bench-u${i}`, traits: { email: recipient(i), firstName: `Ada${i}` } }, tend.auth);
        lastAnswer = performance.now();
        if (answer.status === 200) answers.push(answer.ms);
        else refused.push(`${answer.status} ${JSON.stringify(answer.body)}`);
      },
      began + 120_000,
    );
    const expected = answers.length;
    const deadline = performance.now() + Math.max(60_000, contacts * 100);
    while (countArrived(arrivals, sentAt.length, recipient) < expected && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    if (refused.length > 0) progress(`  ${refused.length} identify call(s) refused, e.g. ${refused[0]}`);
    const offered = perSecond(answers.length, lastAnswer - began);
    return { delivery: deliveries(sentAt, arrivals, recipient), accepted: summarize(answers), offered };
  } finally {
    clearInterval(ticker);
  }
}

async function rawSmtp(smtp: SmtpPeer, arrivals: MailArrivals, count: number): Promise<Delivery> {
  const transport = smtpTransport(smtp.url);
  const sentAt: number[] = [];
  const recipient = (i: number) => `s${i}@baseline.bench.test`;
  try {
    await runPool(
      count,
      inFlight,
      async (i) => {
        sentAt[i] = performance.now();
        await transport
          .send({
            from: 'bench@bench.test',
            to: recipient(i),
            subject: `Welcome, Ada${i}!`,
            html: `<p>Hi Ada${i},</p><p>Thanks for joining us. We are glad you are here.</p>`,
            text: `Hi Ada${i},\n\nThanks for joining us. We are glad you are here.`,
            messageId: `<baseline-${i}@bench.test>`,
          })
          .catch((error: Error) => progress(`  raw SMTP send ${i} failed: ${error.message}`));
      },
      performance.now() + 60_000,
    );
  } finally {
    transport.close();
  }
  return deliveries(sentAt, arrivals, recipient);
}

function deliveries(sentAt: number[], arrivals: MailArrivals, recipient: (i: number) => string): Delivery {
  const latencies: number[] = [];
  let last = -Infinity;
  sentAt.forEach((sent, i) => {
    const arrived = arrivals.at(recipient(i));
    if (arrived === undefined) return;
    latencies.push(arrived - sent);
    last = Math.max(last, arrived);
  });
  return { latency: summarize(latencies), delivered: latencies.length, rate: perSecond(latencies.length, last - (sentAt[0] ?? 0)) };
}

function countArrived(arrivals: MailArrivals, sent: number, recipient: (i: number) => string): number {
  let arrived = 0;
  for (let i = 0; i < sent; i++) if (arrivals.at(recipient(i)) !== undefined) arrived++;
  return arrived;
}

async function httpRoundTrips(url: string, count: number): Promise<Summary> {
  const times: number[] = [];
  await runPool(count, inFlight, async () => void times.push((await timedFetch(url)).ms), performance.now() + 60_000);
  return summarize(times);
}
