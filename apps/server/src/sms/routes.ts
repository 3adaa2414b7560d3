import { eq, workspaces } from '@tend/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerDeps } from '../context.js';
import { applyDeliveryStatus } from './delivery-status.js';
import { receiveSms } from './inbound.js';
import { twiml } from './twiml.js';

type WebhookRequest = FastifyRequest<{ Params: { workspaceId: string }; Body: Record<string, string | string[]> }>;

/**
 * The SMS provider's webhooks (Twilio's shape: form-encoded, signed with X-Twilio-Signature):
 * POST /webhooks/sms/:workspaceId takes the texts people send to the workspace's number
 * (STOP, START, HELP and replies; see inbound.ts) and answers in TwiML; POST
 * /webhooks/sms/:workspaceId/status takes delivery reports. A request whose signature does not
 * hold, or that comes when no provider with signed webhooks is configured, is refused with one
 * bare 403 that tells nothing.
 */
export function registerSmsWebhookRoutes(app: FastifyInstance, deps: ServerDeps): void {
  void app.register(async (webhooks) => {
    webhooks.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => {
      done(null, formParams(body as string));
    });

    webhooks.post('/webhooks/sms/:workspaceId', async (request: WebhookRequest, reply) => {
      if (!signedByProvider(deps, request)) return refuse(reply);
      const workspace = await workspaceOf(deps, request.params.workspaceId);
      if (!workspace) return reply.code(404).send({ error: 'not_found', message: 'no such workspace: check the webhook URL set at the SMS provider' });
      const [sid, from, to, body] = ['MessageSid', 'From', 'To', 'Body'].map((name) => single(request.body[name]));
      if (!sid || !from) return reply.code(400).send({ error: 'bad_request', message: 'an inbound SMS needs MessageSid and From' });
      const answer = await receiveSms(deps.db, workspace, { sid, from, to: to ?? '', body: body ?? '' });
      if (answer.stored) deps.routing?.wake();
      return reply.code(200).header('content-type', 'text/xml; charset=utf-8').send(twiml(answer.reply));
    });

    webhooks.post('/webhooks/sms/:workspaceId/status', async (request: WebhookRequest, reply) => {
      if (!signedByProvider(deps, request)) return refuse(reply);
      const [sid, status, errorCode] = ['MessageSid', 'MessageStatus', 'ErrorCode'].map((name) => single(request.body[name]));
      if (!sid || !status) return reply.code(400).send({ error: 'bad_request', message: 'a delivery report needs MessageSid and MessageStatus' });
      const code = errorCode ? Number(errorCode) : undefined;
      await applyDeliveryStatus(deps.db, request.params.workspaceId, { sid, status, errorCode: Number.isFinite(code) ? code : undefined });
      return reply.code(204).send();
    });
  });
}

/**
 * The provider signs the URL it called, so the check needs the address the world reaches this
 * server at (TEND_PUBLIC_URL) and not the one a proxy forwarded to.
 */
function signedByProvider(deps: ServerDeps, request: WebhookRequest): boolean {
  const verify = deps.senders?.sms?.verifyWebhook;
  if (!verify) {
    request.log.warn('an SMS webhook arrived, but no SMS provider with signed webhooks is configured (set TWILIO_*)');
    return false;
  }
  const base = deps.publicUrl ? deps.publicUrl.replace(/\/+$/, '') : `${request.protocol}://${request.host}`;
  const signature = request.headers['x-twilio-signature'];
  return verify({ url: `${base}${request.url}`, params: request.body ?? {}, signature: Array.isArray(signature) ? signature[0] : signature });
}

function refuse(reply: FastifyReply) {
  return reply.code(403).send({ error: 'forbidden' });
}

async function workspaceOf(deps: ServerDeps, id: string) {
  const [workspace] = await deps.db
    .select({ id: workspaces.id, name: workspaces.name, emailFrom: workspaces.emailFrom })
    .from(workspaces)
    .where(eq(workspaces.id, id));
  return workspace;
}

/** Form parameters, a repeated name keeping every value (the signature covers them all). */
function formParams(body: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(body)) {
    const seen = params[name];
    params[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return params;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
