// 7.3: web pushes a second through Tend's send path beside the push transport alone, to the
// local push service (which checks VAPID and decrypts every payload), taking turns.
import { guardedFetch, sendPushOnce, webPushTransport } from '@tend/channels';
import { generateVapidKeys, startPushServicePeer } from '@tend/channels/testing';
import type { Database } from '@tend/db';
import { sendPushNode } from '@tend/journey';
import type { Cleanup } from '../cleanup.js';
import type { Comparison } from '../report.js';
import { perSecond } from '../stats.js';
import { runPool } from '../pool.js';
import { inFlight, insertReaders, insertSubscriptions } from './send-setup.js';

const rounds = 2;
const warmUp = 20;

/**
 * Tend's path is `sendPushOnce` as the send-push node calls it: the contact and its
 * subscriptions, Liquid for title and text, the message policy and the ledger row of the
 * device. Both encrypt (aes128gcm) and sign (VAPID) each push with web-push and send it with
 * the same guarded fetch, so the baseline is the transport (`webPushTransport`) alone.
 */
export async function benchPushThroughput(options: { db: Database; workspaceId: string; count: number; cleanup: Cleanup }): Promise<{ rows: Comparison[]; notes: string[] }> {
  const { db, workspaceId, count, cleanup } = options;
  const peer = await startPushServicePeer();
  const stopPeer = cleanup.defer('section 7 push service peer', () => peer.stop());
  try {
    // The peer listens on loopback: allowed the way an operator allows an internal push service.
    const transport = webPushTransport(generateVapidKeys(), { fetch: guardedFetch({ allow: ['127.0.0.1'] }) });
    const perRound = Math.ceil(count / rounds);
    const total = warmUp + perRound * rounds;
    const devices = await insertReaders(db, workspaceId, 'push', total);
    await insertSubscriptions(db, devices, () => peer.subscribe());
    const bareTargets = Array.from({ length: total }, () => peer.subscribe());
    const config = sendPushNode.config.parse({ title: 'New this week, {{ contact.firstName }}', body: 'Three things we think you will like.', url: 'https://shop.example/new' });
    const payload = JSON.stringify({ title: 'New this week, Reader 1', body: 'Three things we think you will like.', url: 'https://shop.example/new', tag: 'bench' });

    const tend = async (i: number) => {
      const outcome = await sendPushOnce(db, transport, { idempotencyKey: `bench-push/${i}`, workspaceId, contactId: devices[i]!, journeyId: 'bench-push', nodeId: 'push', config });
      if (outcome.status !== 'sent') throw new Error(`the bench's push to ${devices[i]} was ${outcome.status}: ${'reason' in outcome ? outcome.reason : ''}`);
    };
    const bare = (i: number) => transport.send(bareTargets[i]!, payload, { ttlSeconds: 3600, topic: `bench${i}` }).then(() => undefined);

    await runPool(warmUp, inFlight, tend);
    await runPool(warmUp, inFlight, bare);
    const ms = { tend: 0, bare: 0 };
    for (let round = 0; round < rounds; round++) {
      const first = warmUp + round * perRound;
      ms.bare += await timedPool(perRound, (i) => bare(first + i));
      ms.tend += await timedPool(perRound, (i) => tend(first + i));
    }
    return {
      rows: [
        {
          figure: `web pushes/s through sendPushOnce (${inFlight} in flight)`,
          value: perSecond(perRound * rounds, ms.tend),
          baseline: 'webPushTransport alone',
          base: perSecond(perRound * rounds, ms.bare),
          unit: 'pushes/s',
        },
      ],
      notes: [
        `${perRound * rounds} pushes each way in ${rounds} turns (after ${warmUp} each to warm up), one browser subscription per contact; the push service peer decrypted ${peer.received.length} and refused ${peer.rejected.length}.`,
      ],
    };
  } finally {
    await stopPeer();
  }
}

async function timedPool(count: number, task: (i: number) => Promise<void>): Promise<number> {
  const began = performance.now();
  await runPool(count, inFlight, task);
  return performance.now() - began;
}
