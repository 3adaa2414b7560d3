import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingEmail {
  from: string;
  /** The Reply-To field: where a reply goes when it is not the sender. */
  replyTo?: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** RFC 5322 Message-ID; stable per idempotency key so receivers can spot a repeat. */
  messageId: string;
  /** Further header fields, e.g. List-Unsubscribe; values are one line each. */
  headers?: Record<string, string>;
}

export interface EmailTransport {
  send(email: OutgoingEmail): Promise<{ providerMessageId: string }>;
  close(): void;
}

/**
 * An SMTP transport from a URL such as smtp://user:pass@host:587 or smtps://host:465. Pooled:
 * messages share a few open connections instead of each paying its own connect, greeting, TLS
 * handshake and login (nodemailer's defaults: 5 connections, 100 messages each before a fresh one).
 * The URL's query tunes it, e.g. `?maxConnections=10`, or `?pool=false` for one connection per message.
 *
 * The provider's send rate is nodemailer's too: `?rateLimit=10&rateDelta=1000` lets at most 10
 * messages leave each second from this process (rateDelta defaults to 1000 ms). A message over the
 * rate waits in the pool's queue, inside its send lease: at most the worker's activities in
 * flight (100 by default) ÷ the rate, so keep the rate at 1 a second or more per worker.
 */
export function smtpTransport(url: string): EmailTransport {
  const transporter: Transporter = nodemailer.createTransport(withDefaults(url));
  return {
    async send(email) {
      const info = await transporter.sendMail(email);
      return { providerMessageId: String(info.messageId ?? email.messageId) };
    },
    close: () => transporter.close(),
  };
}

/**
 * Pooling, and bounded timeouts (nodemailer reads them from the URL's query): an attempt must end
 * well inside its send lease and its activity timeout. Values already in the URL win.
 */
function withDefaults(url: string): string {
  const parsed = new URL(url);
  const defaults = { pool: 'true', connectionTimeout: '30000', greetingTimeout: '30000', socketTimeout: '60000' };
  for (const [key, value] of Object.entries(defaults)) if (!parsed.searchParams.has(key)) parsed.searchParams.set(key, value);
  return parsed.toString();
}
