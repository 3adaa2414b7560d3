import type { Database } from '@tend/db';
import type { FastifyInstance } from 'fastify';
import { applySignals } from './apply-signals.js';
import { readWebhookBody } from './signals.js';
import { emailWebhookSecretName, presentsWebhookSecret } from './webhook-secret.js';

type WebhookRequest = { Params: { workspaceId: string }; Querystring: { secret?: string }; Body: unknown };

/**
 * POST /webhooks/email/:workspaceId — bounces and complaints from the email provider, in the
 * generic shape or as Amazon SES notifications through SNS (see signals.ts). Authenticated by the
 * workspace's EMAIL_WEBHOOK_SECRET (webhook-secret.ts). Hard bounces and complaints suppress the
 * address; soft bounces are answered and forgotten. SNS's SubscriptionConfirmation is logged,
 * not confirmed: confirming would let anyone holding the secret subscribe any topic to us; an
 * operator opens the logged SubscribeURL once.
 */
export function registerDeliverabilityRoutes(app: FastifyInstance, db: Database): void {
  void app.register(async (webhooks) => {
    // SNS posts JSON as text/plain: every body is read as JSON whatever its type.
    webhooks.removeAllContentTypeParsers();
    webhooks.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_request, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch {
        done(Object.assign(new Error('the body is not JSON'), { statusCode: 400 }), undefined);
      }
    });

    webhooks.post<WebhookRequest>('/webhooks/email/:workspaceId', async (request, reply) => {
      const { workspaceId } = request.params;
      // One answer for an unknown workspace, a missing secret and a wrong one.
      if (!(await presentsWebhookSecret(db, workspaceId, request))) {
        return reply.code(401).send({ error: 'unauthorized', message: `send the workspace's ${emailWebhookSecretName} as "Authorization: Bearer …" or ?secret=` });
      }
      let body;
      try {
        body = readWebhookBody(request.body);
      } catch (error) {
        return reply.code(400).send({ error: 'bad_request', message: (error as Error).message });
      }
      if ('acknowledge' in body) {
        request.log.warn({ workspaceId, snsType: body.acknowledge.type, subscribeUrl: body.acknowledge.subscribeUrl }, 'SNS message not acted on: open its SubscribeURL to confirm a subscription');
        return reply.send({ ok: true, acted: false });
      }
      const { suppressed } = await applySignals(db, workspaceId, body.signals);
      return reply.send({ ok: true, received: body.signals.length, suppressed });
    });
  });
}
