import { eq, messages } from '@tend/db';
import { insertContact, testWorkspaceId } from '@tend/db/testing';
import { describe, expect, it } from 'vitest';
import { providersFrom } from '../providers.js';
import { withDatabaseAndPeer } from '../testing/database-and-peer.js';
import { startTwilioPeer } from '../testing/twilio-peer.js';
import { sendSmsOnce } from './send-once.js';

describe('SMS_RATE_LIMIT (against a peer speaking Twilio’s Messages API)', () => {
  const env = withDatabaseAndPeer(startTwilioPeer);

  // Transactional: consent and caps are the policy's business; this is about the provider's pace.
  const config = { body: 'Your order {{ contact.order }} has shipped', purpose: 'transactional', whenHeld: 'defer' } as const;

  it('paces 15 texts sent at once to 5 a second at the provider (2.8 s from first to last), each sent once', async () => {
    const { sms } = providersFrom({
      TWILIO_ACCOUNT_SID: env.peer.accountSid,
      TWILIO_AUTH_TOKEN: env.peer.authToken,
      TWILIO_FROM: '+14155550100',
      TWILIO_BASE_URL: env.peer.url,
      SMS_RATE_LIMIT: 5,
    });
    const requests = await Promise.all(
      Array.from({ length: 15 }, async (_, i) => {
        const contactId = await insertContact(env.db, { id: `paced-${i}`, traits: { phone: `+1415555${String(1000 + i)}`, order: `#${i}` } });
        return { idempotencyKey: `wf-paced-${i}/run/sms/1`, workspaceId: testWorkspaceId, contactId, journeyId: 'j', nodeId: 'sms', config };
      }),
    );

    const began = Date.now();
    const outcomes = await Promise.all(requests.map((request) => sendSmsOnce(env.db, sms!, request)));

    expect(outcomes.every((outcome) => outcome.status === 'sent')).toBe(true);
    expect(env.peer.messages).toHaveLength(15);
    expect(new Set(env.peer.messages.map((message) => message.to)).size).toBe(15);
    // The n-th text (from 0) cannot reach the provider before n spacings of 200 ms have passed:
    // 2.8 s for the last. A busy machine only makes them later (1 ms: the clocks' rounding).
    const arrivals = env.peer.messages.map((message) => message.receivedAt - began).sort((a, b) => a - b);
    arrivals.forEach((at, n) => expect(at, `text ${n}`).toBeGreaterThanOrEqual(n * 200 - 1));
    const rows = await env.db.select().from(messages).where(eq(messages.nodeId, 'sms'));
    expect(rows.filter((row) => row.idempotencyKey.startsWith('wf-paced-')).map((row) => [row.status, row.attempts])).toEqual(Array(15).fill(['sent', 1]));
  });
});
