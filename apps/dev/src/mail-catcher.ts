import { startSmtpReceiver } from '@tend/channels';
import { devMailbox, newId, type Database } from '@tend/db';

export interface MailCatcher {
  /** The SMTP_URL that reaches this catcher. */
  url: string;
  stop(): Promise<void>;
}

/**
 * A real SMTP server for development: it accepts every message and keeps it in the database,
 * where the console's Outbox shows it. Used when SMTP_URL is not set.
 */
export async function startMailCatcher(db: Database, port: number): Promise<MailCatcher> {
  const receiver = await startSmtpReceiver(port, async (mail) => {
    await db.insert(devMailbox).values({
      id: newId('mail'),
      messageId: mail.messageId || null,
      from: mail.from.name ? `${mail.from.name} <${mail.from.address}>` : mail.from.address,
      to: mail.to.join(', '),
      subject: mail.subject,
      text: mail.text || null,
      html: mail.html || null,
    });
  });
  return { url: receiver.url, stop: receiver.stop };
}
