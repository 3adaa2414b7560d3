import { createServer, type IncomingHttpHeaders } from 'node:http';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export interface PeerReply {
  status?: number;
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
  /** Answer only after this long (a slow provider). */
  delayMs?: number;
}

export interface HttpPeer {
  url: string;
  port: number;
  received: ReceivedRequest[];
  /** Queues answers, used once each in order; after them the peer answers 200 `{}`. */
  reply(...replies: PeerReply[]): void;
  stop(): Promise<void>;
}

export interface HttpPeerOptions {
  /** A loopback address; default 127.0.0.1. */
  host?: string;
  /** Default: any free port. */
  port?: number;
}

/**
 * A real HTTP server on loopback standing in for a provider (an SMS API, a webhook receiver):
 * tests assert on what arrived over the wire and script what it answers. Loopback is an
 * internal address, so a guardedFetch reaches it only when TEND_FETCH_ALLOW (`allow`) names it.
 */
export async function startHttpPeer(options: HttpPeerOptions = {}): Promise<HttpPeer> {
  const host = options.host ?? '127.0.0.1';
  const received: ReceivedRequest[] = [];
  const queue: PeerReply[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body, json: parseJson(body) });
      const reply = queue.shift() ?? { status: 200, json: {} };
      const answer = () => {
        const text = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.text ?? '');
        const type = reply.json !== undefined ? { 'content-type': 'application/json' } : {};
        response.writeHead(reply.status ?? 200, { ...type, ...reply.headers }).end(text);
      };
      if (reply.delayMs) setTimeout(answer, reply.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://${host}:${port}`,
    port,
    received,
    reply: (...replies) => void queue.push(...replies),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
