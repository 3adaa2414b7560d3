// 7.1: emails a second through Tend's send path beside the pooled transport alone, to one local
// SMTP server, taking turns so a change in the machine's load falls on both.
import { sendEmailOnce, smtpTransport, startSmtpReceiver, type OutgoingEmail } from '@tend/channels';
import type { Database } from '@tend/db';
import { sendEmailNode } from '@tend/journey';
import type { Cleanup } from '../cleanup.js';
import { runPool } from '../pool.js';
import { perSecond } from '../stats.js';
import type { Comparison } from '../report.js';
import { inFlight, insertReaders } from './send-setup.js';

const rounds = 2;
const warmUp = 20;

/**
 * Tend's path is `sendEmailOnce` as the send-email node calls it: the contact and the workspace's
 * sender in one query, the message policy (suppression, consent, the sending journey's settings),
 * Liquid rendering with the text part, unsubscribe headers, the ledger's claim and its outcome.
 * The baseline hands an email of the same size straight to the same pooled transport (nodemailer's
 * pool, `smtpTransport`), so the difference is Tend's work per email, not SMTP's.
 */
export async function benchEmailThroughput(options: { db: Database; workspaceId: string; count: number; cleanup: Cleanup }): Promise<{ rows: Comparison[]; notes: string[] }> {
  const { db, workspaceId, count, cleanup } = options;
  let received = 0;
  const receiver = await startSmtpReceiver(0, () => void (received += 1));
  const stopReceiver = cleanup.defer('section 7 SMTP receiver', () => receiver.stop());
  const transport = smtpTransport(receiver.url);
  const closeTransport = cleanup.defer('section 7 SMTP transport', () => transport.close());
  try {
    const perRound = Math.ceil(count / rounds);
    const readers = await insertReaders(db, workspaceId, 'mail', warmUp + perRound * rounds);
    const config = sendEmailNode.config.parse({
      subject: 'This week at the shop, {{ contact.firstName }}',
      html: '<h1>Hello {{ contact.firstName }}</h1><p>Three things we think you will like this week.</p><p><a href="https://shop.example/new">See what is new</a></p>',
    });
    let sent = 0;
    const tend = async (i: number) => {
      const outcome = await sendEmailOnce(db, transport, {
        idempotencyKey: `bench-mail/${i}`,
        workspaceId,
        contactId: readers[i]!,
        journeyId: 'bench-newsletter',
        nodeId: 'mail',
        config,
        trackingBaseUrl: 'https://tend.example',
      });
      if (outcome.status !== 'sent') throw new Error(`the bench's email to ${readers[i]} was ${outcome.status}: ${'reason' in outcome ? outcome.reason : ''}`);
      sent += 1;
    };
    const bare = (i: number) => transport.send(bareEmail(i)).then(() => undefined);

    await runPool(warmUp, inFlight, (i) => tend(i));
    await runPool(warmUp, inFlight, (i) => bare(1_000_000 + i));
    const ms = { tend: 0, bare: 0 };
    for (let round = 0; round < rounds; round++) {
      const first = warmUp + round * perRound;
      ms.bare += await timedPool(perRound, (i) => bare(first + i));
      ms.tend += await timedPool(perRound, (i) => tend(first + i));
    }
    return {
      rows: [
        {
          figure: `emails/s through sendEmailOnce (${inFlight} in flight)`,
          value: perSecond(perRound * rounds, ms.tend),
          baseline: 'the pooled transport alone',
          base: perSecond(perRound * rounds, ms.bare),
          unit: 'emails/s',
        },
      ],
      notes: [
        `${perRound * rounds} emails each way in ${rounds} turns (after ${warmUp} each to warm up), to one SMTP server on loopback that parses each message; ${received} arrived, ${sent - warmUp} of them through Tend's path.`,
        `Tend's path per email: the contact and sender query, the message policy (no caps or quiet hours set), Liquid with a derived text part, unsubscribe links and headers, the ledger's claim and outcome.`,
      ],
    };
  } finally {
    await closeTransport();
    await stopReceiver();
  }
}

async function timedPool(count: number, task: (i: number) => Promise<void>): Promise<number> {
  const began = performance.now();
  await runPool(count, inFlight, task);
  return performance.now() - began;
}

/** About the size of what Tend renders for the same config. */
function bareEmail(i: number): OutgoingEmail {
  return {
    from: 'Shop <hello@shop.example>',
    to: `bare-${i}@example.test`,
    subject: `This week at the shop, Reader ${i}`,
    html: `<h1>Hello Reader ${i}</h1><p>Three things we think you will like this week.</p><p><a href="https://shop.example/new">See what is new</a></p>`,
    text: `HELLO READER ${i}\n\nThree things we think you will like this week.\n\nSee what is new [https://shop.example/new]`,
    messageId: `<bare-${i}@bench.tend>`,
  };
}
