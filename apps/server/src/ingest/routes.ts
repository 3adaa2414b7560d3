import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../context.js';
import { workspaceForAuthorization } from './auth.js';
import { parseCall } from './parse.js';
import { routeEvents } from '@tend/routing';
import { storeEvents } from './store.js';

const kinds = ['identify', 'track', 'batch'] as const;

/** Segment-compatible ingestion: POST /v1/identify, /v1/track and /v1/batch. */
export function registerIngestRoutes(app: FastifyInstance, deps: ServerDeps): void {
  for (const kind of kinds) {
    app.post(`/v1/${kind}`, async (request, reply) => {
      const workspaceId = await workspaceForAuthorization(deps.db, request.headers.authorization);
      if (!workspaceId) {
        return reply
          .code(401)
          .header('www-authenticate', 'Basic realm="tend"')
          .send({ error: 'unauthorized', message: 'unknown or missing write key: send it as the HTTP Basic user (curl -u "$WRITE_KEY:")' });
      }
      const parsed = parseCall(kind, request.body);
      if (!parsed.ok) {
        const message = parsed.issues.map((issue) => (issue.field ? `${issue.field}: ${issue.message}` : issue.message)).join('; ');
        return reply.code(400).send({ error: 'invalid_event', message, issues: parsed.issues });
      }
      const stored = await storeEvents(deps.db, workspaceId, parsed.events);
      try {
        await routeEvents(deps.db, deps.temporal, workspaceId, stored);
      } catch (error) {
        // Stored is accepted: the pending-route sweeper offers the events to journeys again.
        request.log.warn({ err: error }, 'events stored but not yet routed; will retry');
      }
      return reply.code(200).send({ success: true, accepted: stored.length, duplicates: stored.filter((e) => e.duplicate).length });
    });
  }
}
