import { workspaceVapidKeys } from '@tend/channels';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerDeps } from '../context.js';
import { workspaceForAuthorization } from '../ingest/auth.js';
import { registerIngestBodyParsing } from '../ingest/body.js';
import { registerPublicCors } from '../ingest/cors.js';
import { errorBody, sendIngestError } from '../ingest/errors.js';
import type { FieldIssue } from '../ingest/parse.js';
import { serviceWorkerScript } from './browser/service-worker-script.js';
import { tendPushScript } from './browser/tend-push-script.js';
import { removePushSubscription, savePushSubscription } from './save-subscription.js';
import { fieldIssues, maxUserAgentLength, subscriptionBodySchema, unsubscribeBodySchema } from './subscription-body.js';

/** Long enough to spare the server, short enough that a fix reaches every site within minutes. */
const scriptCacheSeconds = 300;

/**
 * Web push for a shop's pages: the public key to subscribe with, the subscriptions themselves
 * (/v1/push/*, with the write key and CORS of ingestion), and the two scripts a page and its
 * service worker load (/push/*.js).
 */
export async function registerPushRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const subscriptionBody = subscriptionBodySchema(deps.fetchAllowlist);

  await app.register(async (push) => {
    push.setErrorHandler(sendIngestError);
    registerIngestBodyParsing(push);
    registerPublicCors(push, '/v1/push/*', 'GET, POST, DELETE, OPTIONS');

    push.get('/v1/push/config', async (request, reply) => {
      const workspaceId = await authorized(deps, request, reply);
      if (!workspaceId) return reply;
      const { publicKey } = await workspaceVapidKeys(deps.db, workspaceId);
      return reply.send({ publicKey });
    });

    push.post('/v1/push/subscriptions', async (request, reply) => {
      const workspaceId = await authorized(deps, request, reply);
      if (!workspaceId) return reply;
      const body = subscriptionBody.safeParse(objectBody(request.body));
      if (!body.success) return invalid(reply, 400, fieldIssues(body.error));
      // The page's own browser sent this request: its User-Agent is the subscribing browser's.
      const userAgent = body.data.userAgent ?? request.headers['user-agent']?.slice(0, maxUserAgentLength);
      const saved = await savePushSubscription(deps, workspaceId, { ...body.data, userAgent }, request.log);
      if (!saved.ok) return invalid(reply, saved.status, saved.issues);
      return reply.send({ success: true });
    });

    push.delete('/v1/push/subscriptions', async (request, reply) => {
      const workspaceId = await authorized(deps, request, reply);
      if (!workspaceId) return reply;
      const body = unsubscribeBodySchema.safeParse(objectBody(request.body));
      if (!body.success) return invalid(reply, 400, fieldIssues(body.error));
      const removed = await removePushSubscription(deps.db, workspaceId, body.data.endpoint);
      return reply.send({ success: true, removed });
    });
  });

  // Loaded by other sites (a <script> tag, a service worker's importScripts): readable cross-origin.
  const crossOrigin = { helmet: { crossOriginResourcePolicy: { policy: 'cross-origin' as const } } };
  app.get('/push/tend-push.js', crossOrigin, (_request, reply) => sendScript(reply, tendPushScript));
  app.get('/push/sw.js', crossOrigin, (_request, reply) => sendScript(reply, serviceWorkerScript));
}

function sendScript(reply: FastifyReply, source: string) {
  return reply
    .header('content-type', 'text/javascript; charset=utf-8')
    .header('access-control-allow-origin', '*')
    .header('cache-control', `public, max-age=${scriptCacheSeconds}`)
    .send(source);
}

/** The workspace of the write key (Basic user, or `writeKey` in the body), or a 401 sent. */
async function authorized(deps: ServerDeps, request: FastifyRequest, reply: FastifyReply): Promise<string | null> {
  const workspaceId = await workspaceForAuthorization(deps.db, request.headers.authorization, request.body);
  if (workspaceId) return workspaceId;
  await reply
    .code(401)
    .header('www-authenticate', 'Basic realm="tend"')
    .send(errorBody('unauthorized', 'unknown or missing write key: send it as the HTTP Basic user (TendPush.subscribe({ writeKey }) does) or as "writeKey" in the JSON body'));
  return null;
}

function invalid(reply: FastifyReply, status: number, issues: FieldIssue[]) {
  const message = issues.map((issue) => (issue.field ? `${issue.field}: ${issue.message}` : issue.message)).join('; ');
  return reply.code(status).send(errorBody(status === 409 ? 'conflict' : 'invalid_subscription', message, { issues }));
}

/** A body that is not a JSON object is refused by the schema, which names what it wants. */
function objectBody(body: unknown): unknown {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {};
}
