import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { twilioSignature } from '../sms/twilio-signature.js';

/** A message the peer accepted (once per idempotency token, as Twilio does). */
export interface TwilioPeerMessage {
  sid: string;
  to: string;
  from?: string;
  messagingServiceSid?: string;
  body: string;
  statusCallback?: string;
  idempotencyToken?: string;
  /** When the peer accepted it (Date.now()): the spacing a rate limit leaves between sends. */
  receivedAt: number;
}

/** A webhook request as Twilio would send it: form-encoded, signed. Post it with fetch, or with fastify's inject. */
export interface SignedTwilioRequest {
  url: string;
  params: Record<string, string>;
  /** The form-encoded body. */
  payload: string;
  headers: { 'content-type': string; 'x-twilio-signature': string };
}

export interface TwilioPeer {
  /** TWILIO_BASE_URL for Tend. */
  url: string;
  accountSid: string;
  authToken: string;
  /** Accepted messages, oldest first. */
  messages: TwilioPeerMessage[];
  /** Every POST to the Messages resource, answered however: retries and refusals included. */
  attempts: number;
  /** Sends answered from the idempotency cache (201 with the first answer, nothing sent): a sender's repeats. */
  repeats: number;
  /** Answers the next `count` sends with this HTTP status (default 503), as during an outage. */
  failNext(count: number, status?: number): void;
  /** Answers every send with this HTTP status (default 503) until the returned function ends the outage. */
  outage(status?: number): () => void;
  /** Answers every send to `number` with a 400 carrying this Twilio error code (21211, 21614, 21610…). */
  refuse(number: string, code: number, message?: string): void;
  /** A signed status callback for an accepted message, addressed to its StatusCallback. */
  statusCallback(sid: string, status: 'sent' | 'delivered' | 'undelivered' | 'failed', errorCode?: number): SignedTwilioRequest;
  /** A signed inbound message (someone texting `to` from `from`), as Twilio posts it to the number's webhook `url`. */
  inbound(url: string, message: { from: string; to: string; body: string }): SignedTwilioRequest;
  /** Posts a signed request over HTTP, as Twilio would; the answer's status and text. */
  post(request: SignedTwilioRequest): Promise<{ status: number; text: string }>;
  stop(): Promise<void>;
}

export interface TwilioPeerOptions {
  accountSid?: string;
  authToken?: string;
}

/**
 * A local stand-in for Twilio's Messages API, speaking its shape: POST
 * /2010-04-01/Accounts/{AccountSid}/Messages.json, form-encoded, Basic auth with the account SID
 * and auth token, answered 201 with the message as JSON (`sid`, `status: queued`). A repeated
 * `I-Twilio-Idempotency-Token` gets the first answer and sends nothing. Tests script outages
 * (`failNext`, or `outage` until they end it) and refused numbers (`refuse`), and sign the
 * webhooks Twilio would send.
 */
export async function startTwilioPeer(options: TwilioPeerOptions = {}): Promise<TwilioPeer> {
  const accountSid = options.accountSid ?? `AC${randomBytes(16).toString('hex')}`;
  const authToken = options.authToken ?? randomBytes(16).toString('hex');
  const messages: TwilioPeerMessage[] = [];
  const byToken = new Map<string, TwilioPeerMessage>();
  const refused = new Map<string, { code: number; message: string }>();
  let failures: { count: number; status: number } = { count: 0, status: 503 };
  let down: number | null = null;
  let attempts = 0;
  let repeats = 0;
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
  const resource = `/2010-04-01/Accounts/${accountSid}/Messages.json`;

  const answer = (request: IncomingMessage, response: ServerResponse, text: string) => {
    const json = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const error = (status: number, code: number, message: string) => json(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
    if (request.headers.authorization !== expectedAuth) return error(401, 20003, 'Authenticate');
    if (request.method !== 'POST' || request.url !== resource) return error(404, 20404, 'The requested resource was not found');
    attempts += 1;
    if (down !== null) return error(down, down === 429 ? 20429 : 20500, 'Service unavailable');
    if (failures.count > 0) {
      failures.count -= 1;
      return error(failures.status, failures.status === 429 ? 20429 : 20500, 'Service unavailable');
    }
    const token = header(request, 'i-twilio-idempotency-token');
    const repeat = token ? byToken.get(token) : undefined;
    if (repeat) {
      repeats += 1;
      return json(201, resourceOf(repeat));
    }
    const form = new URLSearchParams(text);
    const to = form.get('To');
    const body = form.get('Body');
    const from = form.get('From') ?? undefined;
    const messagingServiceSid = form.get('MessagingServiceSid') ?? undefined;
    if (!to) return error(400, 21604, "A 'To' phone number is required.");
    if (!body) return error(400, 21602, 'Message body is required.');
    if (!from && !messagingServiceSid) return error(400, 21603, "A 'From' phone number is required.");
    const refusal = refused.get(to);
    if (refusal) return error(400, refusal.code, refusal.message);
    const message: TwilioPeerMessage = { sid: `SM${randomBytes(16).toString('hex')}`, to, from, messagingServiceSid, body, statusCallback: form.get('StatusCallback') ?? undefined, idempotencyToken: token, receivedAt: Date.now() };
    messages.push(message);
    if (token) byToken.set(token, message);
    return json(201, resourceOf(message));
  };

  const resourceOf = (message: TwilioPeerMessage) => ({
    sid: message.sid,
    account_sid: accountSid,
    to: message.to,
    from: message.from ?? null,
    messaging_service_sid: message.messagingServiceSid ?? null,
    body: message.body,
    status: message.messagingServiceSid ? 'accepted' : 'queued',
    num_segments: '1',
    direction: 'outbound-api',
    uri: `${resource.replace(/\.json$/, '')}/${message.sid}.json`,
  });

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => answer(request, response, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const signed = (url: string, params: Record<string, string>): SignedTwilioRequest => ({
    url,
    params,
    payload: new URLSearchParams(params).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(authToken, url, params) },
  });

  return {
    url: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    messages,
    get attempts() {
      return attempts;
    },
    get repeats() {
      return repeats;
    },
    failNext: (count, status = 503) => void (failures = { count, status }),
    outage(status = 503) {
      down = status;
      return () => void (down = null);
    },
    refuse: (number, code, message = `Twilio error ${code}`) => void refused.set(number, { code, message }),
    statusCallback(sid, status, errorCode) {
      const message = messages.find((each) => each.sid === sid);
      if (!message?.statusCallback) throw new Error(`message ${sid} asked for no status callback`);
      const params: Record<string, string> = { AccountSid: accountSid, MessageSid: sid, SmsSid: sid, MessageStatus: status, SmsStatus: status, To: message.to, From: message.from ?? '', ApiVersion: '2010-04-01' };
      if (errorCode !== undefined) params.ErrorCode = String(errorCode);
      return signed(message.statusCallback, params);
    },
    inbound(url, message) {
      const sid = `SM${randomBytes(16).toString('hex')}`;
      return signed(url, {
        AccountSid: accountSid,
        MessageSid: sid,
        SmsSid: sid,
        From: message.from,
        To: message.to,
        Body: message.body,
        NumMedia: '0',
        NumSegments: '1',
        ApiVersion: '2010-04-01',
      });
    },
    async post(request) {
      const response = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.payload });
      return { status: response.status, text: await response.text() };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
