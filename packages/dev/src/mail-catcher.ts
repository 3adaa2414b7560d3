import { devMailbox, newId, type Database } from '@tend/db';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';

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
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) =>
          db.insert(devMailbox).values({
            id: newId('mail'),
            messageId: mail.messageId ?? null,
            from: mail.from?.text ?? '',
            to: addresses(mail.to),
            subject: mail.subject ?? '',
            text: mail.text ?? null,
            html: typeof mail.html === 'string' ? mail.html : null,
          }),
        )
        .then(() => callback(), (error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `smtp://127.0.0.1:${actualPort}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function addresses(to: AddressObject | AddressObject[] | undefined): string {
  if (!to) return '';
  return (Array.isArray(to) ? to : [to]).map((entry) => entry.text).join(', ');
}
