import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** RFC 5322 Message-ID; stable per idempotency key so receivers can spot a repeat. */
  messageId: string;
}

export interface EmailTransport {
  send(email: OutgoingEmail): Promise<{ providerMessageId: string }>;
  close(): void;
}

/** An SMTP transport from a URL such as smtp://user:pass@host:587 or smtps://host:465. */
export function smtpTransport(url: string): EmailTransport {
  const transporter: Transporter = nodemailer.createTransport(url);
  return {
    async send(email) {
      const info = await transporter.sendMail(email);
      return { providerMessageId: String(info.messageId ?? email.messageId) };
    },
    close: () => transporter.close(),
  };
}
