import type { SmtpPeer } from '@tend/e2e/harness';

export interface MailArrivals {
  /** performance.now() at which mail for `recipient` was first seen at the peer. */
  at(recipient: string): number | undefined;
  count(): number;
  stop(): void;
}

/**
 * Stamps each message the SMTP peer receives with its arrival time. The peer keeps no
 * timestamps, so this scans its list every 2 ms: arrival times are late by at most that.
 */
export function watchArrivals(peer: SmtpPeer): MailArrivals {
  const arrived = new Map<string, number>();
  let seen = peer.received.length;
  const scan = () => {
    const now = performance.now();
    for (; seen < peer.received.length; seen++) {
      for (const recipient of peer.received[seen]!.to) if (!arrived.has(recipient)) arrived.set(recipient, now);
    }
  };
  const timer = setInterval(scan, 2);
  return {
    at: (recipient) => {
      scan();
      return arrived.get(recipient);
    },
    count: () => {
      scan();
      return arrived.size;
    },
    stop: () => clearInterval(timer),
  };
}
