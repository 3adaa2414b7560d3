import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpPeer, type SmtpPeer } from '../testing/smtp-peer.js';
import { smtpTransport, type OutgoingEmail } from './smtp.js';

describe('smtpTransport', () => {
  let smtp: SmtpPeer;
  beforeAll(async () => {
    smtp = await startSmtpPeer();
  });
  afterAll(async () => {
    await smtp?.stop();
  });

  const email = (i: number, run: string): OutgoingEmail => ({
    from: 'Shop <hello@shop.example>',
    to: `reader-${run}-${i}@example.com`,
    subject: `Issue ${i}`,
    html: `<p>Issue ${i}</p>`,
    text: `Issue ${i}`,
    messageId: `<${run}-${i}@tend.test>`,
  });

  it("keeps the provider's rate from SMTP_URL's query: at most rateLimit messages every rateDelta ms", async () => {
    const transport = smtpTransport(`${smtp.url}?rateLimit=5&rateDelta=1000`);
    const began = Date.now();
    try {
      await Promise.all(Array.from({ length: 15 }, (_, i) => transport.send(email(i, 'paced'))));
    } finally {
      transport.close();
    }
    const arrivals = smtp.received.filter((mail) => mail.to[0]!.startsWith('reader-paced-')).map((mail) => mail.receivedAt - began).sort((a, b) => a - b);
    expect(arrivals).toHaveLength(15);
    // Five a second from when sending began: the n-th email (from 0) cannot arrive before floor(n / 5) seconds,
    // 2 s for the last five. A busy machine only makes them later (1 ms: the clocks' rounding).
    arrivals.forEach((at, n) => expect(at, `email ${n}`).toBeGreaterThanOrEqual(Math.floor(n / 5) * 1000 - 1));
  });

  it('delivers to a server that was down once it is back on the same port', async () => {
    const transport = smtpTransport(smtp.url);
    try {
      await smtp.stop();
      await expect(transport.send(email(1, 'outage'))).rejects.toThrow(/ECONNREFUSED/);
      await smtp.start();
      await transport.send(email(1, 'outage'));
    } finally {
      transport.close();
    }
    expect(smtp.received.filter((mail) => mail.messageId === '<outage-1@tend.test>')).toHaveLength(1);
  });
});
