import { createServer } from 'node:http';
import { devMailbox, newId, type Database } from '@tend/db';

export interface SmsCatcher {
  /** The SMS_URL that reaches this catcher. */
  url: string;
  stop(): Promise<void>;
}

/**
 * A local SMS provider for development: it speaks the HTTP SMS contract Tend sends with
 * (POST JSON { to, body, idempotencyKey }) and keeps each text in the dev mailbox, where the
 * console's Outbox shows it. Used when SMS_URL is not set, so SMS journeys run on `npm start`.
 */
export async function startSmsCatcher(db: Database, port: number): Promise<SmsCatcher> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      void (async () => {
        try {
          const message = JSON.parse(body) as { to?: unknown; body?: unknown; idempotencyKey?: unknown };
          if (request.method !== 'POST' || typeof message.to !== 'string' || typeof message.body !== 'string') {
            response.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"POST JSON { to, body }"}');
            return;
          }
          await db.insert(devMailbox).values({
            id: newId('sms'),
            messageId: typeof message.idempotencyKey === 'string' ? message.idempotencyKey : null,
            from: 'SMS',
            to: message.to,
            subject: `SMS to ${message.to}`,
            text: message.body,
          });
          response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"accepted"}');
        } catch (error) {
          response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
        }
      })();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return { url: `http://127.0.0.1:${actualPort}/messages`, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
