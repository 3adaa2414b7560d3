import { startSmtpReceiver, type ReceivedMail, type SmtpReceiver } from '../email/smtp-receiver.js';

/** A message the peer received, stamped with when (Date.now()): the spacing a rate limit leaves. */
export interface PeerMail extends ReceivedMail {
  receivedAt: number;
}

export interface SmtpPeer {
  url: string;
  port: number;
  received: PeerMail[];
  /** Resolves once `count` messages have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<PeerMail[]>;
  /**
   * Stops listening: open connections are dropped and new ones refused, as when a mail server
   * goes down. Stopping a stopped peer does nothing.
   */
  stop(): Promise<void>;
  /** Listens again on the same port (the outage is over), keeping what it received. */
  start(): Promise<void>;
}

/**
 * A real SMTP server on loopback, standing in for the mail provider: tests assert on what
 * it received over the wire. Passing `port` restarts a peer on the same address.
 */
export async function startSmtpPeer(port = 0): Promise<SmtpPeer> {
  const received: PeerMail[] = [];
  const listen = (on: number) => startSmtpReceiver(on, (mail) => void received.push({ ...mail, receivedAt: Date.now() }));
  let receiver: SmtpReceiver | null = await listen(port);
  const { url, port: actualPort } = receiver;
  return {
    url,
    port: actualPort,
    received,
    async waitFor(count, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} message(s) within ${timeoutMs} ms, received ${received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return received;
    },
    async stop() {
      const stopping = receiver;
      receiver = null;
      await stopping?.stop();
    },
    async start() {
      receiver ??= await listen(actualPort);
    },
  };
}
