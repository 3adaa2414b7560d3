import { endRuns } from '@tend/routing';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerDeps } from '../context.js';
import { workspaceForAuthorization } from './auth.js';
import { maxBodyBytes, registerIngestBodyParsing } from './body.js';
import { registerIngestCors } from './cors.js';
import { errorBody, sendIngestError } from './errors.js';
import { recordIngestionErrors, type IngestionError } from './ingestion-errors.js';
import { parseCall, type RejectedItem } from './parse.js';
import { storableJson } from './sanitize.js';
import type { CallType } from './schemas.js';
import { storeCalls } from './store.js';

/**
 * Each path and the call it takes: Segment's HTTP API, `/v1/import` (Segment's older name of
 * batch), and the browser library's one-letter paths.
 */
const paths: Record<string, CallType | 'batch'> = {
  identify: 'identify',
  track: 'track',
  page: 'page',
  screen: 'screen',
  group: 'group',
  alias: 'alias',
  batch: 'batch',
  import: 'batch',
  i: 'identify',
  t: 'track',
  p: 'page',
  s: 'screen',
  g: 'group',
  a: 'alias',
  b: 'batch',
};

/**
 * Segment-compatible ingestion under /v1, in a plugin of its own so its body parsing (JSON under
 * any Content-Type, gzip), CORS and error bodies stay off the console's routes.
 */
export async function registerIngestRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  await app.register(async (v1) => {
    v1.setErrorHandler(sendIngestError);
    registerIngestBodyParsing(v1);
    registerIngestCors(v1);
    for (const [path, kind] of Object.entries(paths)) {
      v1.post(`/v1/${path}`, { bodyLimit: maxBodyBytes }, (request, reply) => ingest(deps, kind, request, reply));
    }
    // The browser library's own metrics: accepted and dropped, so it does not retry them.
    v1.post('/v1/m', { bodyLimit: maxBodyBytes }, async (_request, reply) => reply.code(200).send({ success: true }));
    // A browser sends a request per event: no line per request (the console's event debugger
    // shows every call, accepted or refused), warnings and errors as everywhere.
  }, { logLevel: 'warn' });
}

async function ingest(deps: ServerDeps, kind: CallType | 'batch', request: FastifyRequest, reply: FastifyReply) {
  const receivedAt = new Date();
  const workspaceId = await workspaceForAuthorization(deps.db, request.headers.authorization, request.body);
  if (!workspaceId) {
    return reply
      .code(401)
      .header('www-authenticate', 'Basic realm="tend"')
      .send(
        errorBody(
          'unauthorized',
          'unknown or missing write key: send it as the HTTP Basic user (curl -u "$WRITE_KEY:") or as "writeKey" in the JSON body',
        ),
      );
  }
  // Postgres refuses NUL characters and lone surrogates: made storable once, before anything reads the body.
  const body = storableJson(request.body);
  const parsed = parseCall(kind, body, receivedAt);
  const rejected = parsed.rejected.map(({ index, field, message }) => ({ index, field, message }));
  if (!parsed.ok) {
    const refused =
      parsed.rejected.length > 0
        ? parsed.rejected.map(asIngestionError)
        : [{ callType: kind, messageId: messageIdOf(body), field: parsed.issues[0]!.field, message: describe(parsed.issues), payload: body }];
    await recordIngestionErrors(deps.db, request.log, workspaceId, refused);
    const code = parsed.status === 413 ? 'payload_too_large' : 'invalid_event';
    return reply.code(parsed.status).send(errorBody(code, describe(parsed.issues), { issues: parsed.issues, ...(kind === 'batch' ? { rejected } : {}) }));
  }
  await recordIngestionErrors(deps.db, request.log, workspaceId, parsed.rejected.map(asIngestionError));
  const { events: stored, endRuns: mergedRuns } = await storeCalls(deps.db, workspaceId, parsed.events);
  // Stored is accepted: the routing consumer offers the events to journeys, beside this answer.
  deps.routing?.wake();
  // Profiles found to be one person: the merged-away contact's runs end, each with its reason.
  if (mergedRuns.length > 0) {
    await endRuns(deps.temporal, mergedRuns, 'identity merge').catch((error: unknown) =>
      request.log.warn({ err: error, runs: mergedRuns.map((run) => run.workflowId) }, 'a merged contact’s journey runs could not be ended'),
    );
  }
  return reply.code(200).send({
    success: true,
    accepted: stored.length,
    duplicates: stored.filter((event) => event.duplicate).length,
    ...(kind === 'batch' ? { rejected } : {}),
  });
}

function asIngestionError({ type, messageId, field, message, payload }: RejectedItem): IngestionError {
  return { callType: type, messageId, field, message, payload };
}

function describe(issues: { field: string; message: string }[]): string {
  return issues.map((issue) => (issue.field ? `${issue.field}: ${issue.message}` : issue.message)).join('; ');
}

function messageIdOf(body: unknown): string | null {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).messageId : undefined;
  return typeof value === 'string' ? value : null;
}
