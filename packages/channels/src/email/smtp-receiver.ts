import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message as it arrived over SMTP: the envelope's recipients and the parsed content. */
export interface ReceivedMail {
  from: { name: string; address: string };
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** Every header field by its lower-case name, unfolded (the last one where a name repeats). */
  headers: Record<string, string>;
}

export interface SmtpReceiver {
  /** The SMTP_URL that reaches this receiver. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * A real SMTP server on loopback that accepts every message and hands it, parsed, to `onMail`;
 * the message is acknowledged once `onMail` resolves, so a sender never loses one that failed
 * to be kept. The dev mail catcher and the tests' SMTP peer are both this server.
 */
export async function startSmtpReceiver(port: number, onMail: (mail: ReceivedMail) => void | Promise<void>): Promise<SmtpReceiver> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Pooled senders keep idle connections open: on stop, give a message in flight a second,
    // then drop them (the default waits 30 s). A sender that loses one retries it.
    closeTimeout: 1000,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) =>
          onMail({
            from: { name: mail.from?.value[0]?.name ?? '', address: mail.from?.value[0]?.address ?? '' },
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            messageId: mail.messageId ?? '',
            headers: headerFields(mail.headerLines),
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
    port: actualPort,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Header fields as written, unfolded: mailparser's parsed values reshape some (List-*, Date). */
function headerFields(lines: readonly { key: string; line: string }[]): Record<string, string> {
  return Object.fromEntries(lines.map(({ key, line }) => [key, line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim()]));
}
