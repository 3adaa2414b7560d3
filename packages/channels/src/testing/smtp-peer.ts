import { startSmtpReceiver, type ReceivedMail } from '../email/smtp-receiver.js';

export interface SmtpPeer {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Resolves once `count` messages have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  stop(): Promise<void>;
}

/**
 * A real SMTP server on loopback, standing in for the mail provider: tests assert on what
 * it received over the wire. Passing `port` restarts a peer on the same address.
 */
export async function startSmtpPeer(port = 0): Promise<SmtpPeer> {
  const received: ReceivedMail[] = [];
  const receiver = await startSmtpReceiver(port, (mail) => void received.push(mail));
  return {
    url: receiver.url,
    port: receiver.port,
    received,
    async waitFor(count, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} message(s) within ${timeoutMs} ms, received ${received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return received;
    },
    stop: receiver.stop,
  };
}
