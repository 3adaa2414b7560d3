import { pushSubscriptions } from '@tend/db';
import { insertContact, testWorkspaceId } from '@tend/db/testing';
import { sendPushNode } from '@tend/journey';
import { describe, expect, it } from 'vitest';
import { providersFrom } from '../providers.js';
import { guardedFetch } from '../safe-fetch/guarded-fetch.js';
import { withDatabaseAndPeer } from '../testing/database-and-peer.js';
import { generateVapidKeys, startPushServicePeer } from '../testing/push-service-peer.js';
import { sendPushOnce } from './send-once.js';
import { webPushTransport } from './web-push-transport.js';

describe('PUSH_RATE_LIMIT (against a local push service)', () => {
  const env = withDatabaseAndPeer(startPushServicePeer);

  it('holds 6 notifications sent at once to 10 a second: the last leaves half a second after the first', async () => {
    const { pushRate } = providersFrom({ PUSH_RATE_LIMIT: 10 });
    const transport = webPushTransport(generateVapidKeys(), { fetch: guardedFetch({ allow: ['127.0.0.1'] }), rate: pushRate });
    const config = sendPushNode.config.parse({ title: 'Back in stock', body: 'The boots you liked are back.', purpose: 'transactional' });
    const requests = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const contactId = await insertContact(env.db, { id: `paced-push-${i}` });
        const browser = env.peer.subscribe();
        await env.db.insert(pushSubscriptions).values({ id: `sub-${i}`, contactId, endpoint: browser.endpoint, p256dh: browser.keys.p256dh, auth: browser.keys.auth });
        return { idempotencyKey: `wf-push-${i}/run/push/1`, workspaceId: testWorkspaceId, contactId, journeyId: 'j', nodeId: 'push', config };
      }),
    );

    const began = performance.now();
    const outcomes = await Promise.all(requests.map((request) => sendPushOnce(env.db, transport, request)));

    expect(performance.now() - began).toBeGreaterThanOrEqual(480);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(6).fill('sent'));
    expect(env.peer.received.map((push) => (push.json as { title: string }).title)).toEqual(Array(6).fill('Back in stock'));
  });
});
