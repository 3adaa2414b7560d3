import { PassThrough } from 'node:stream';
import { ContactsMappingError, importContactsCsv, importOnlineRetail, previewContactsCsv, type ContactsCsvMapping } from '@tend/audience';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../auth/principal.js';
import { requestContext } from '../auth/request-context.js';
import { workspaceAccess, WorkspaceAccessError } from '../auth/workspace-access.js';
import { recordAudit } from '../audit.js';
import type { ServerDeps } from '../context.js';

/** Files of any size are streamed through, never held: the limit only stops a runaway upload. */
const maxUploadBytes = 4 * 1024 ** 3;
/** How much of a CSV the mapping step's preview reads. */
const maxPreviewBytes = 256 * 1024;

const querySchema = z.object({
  source: z.string().trim().min(1).max(200).default('upload'),
  size: z.coerce.number().int().nonnegative().optional(),
  triggerJourneys: z.enum(['true', 'false']).default('false'),
  mapping: z.string().optional(),
});

const mappingSchema = z.object({
  userId: z.string().min(1, 'name the column that holds each contact’s userId'),
  email: z.string().min(1).optional(),
  traits: z.record(z.string(), z.string().min(1)).optional(),
});

/**
 * Bulk imports, streamed: POST /api/imports/online-retail and /api/imports/contacts take the
 * file's bytes (gzip or plain) as the body and answer with NDJSON, one progress line per chunk
 * committed and a last line with the summary (or the error), so the CLI and the console draw a
 * progress bar as the server reads. Running the same file again resumes or adds nothing (see
 * @tend/audience). Guarded like a marketer's procedure: a session with its CSRF token, or an API
 * token.
 */
export function registerImportRoutes(app: FastifyInstance, deps: ServerDeps): void {
  void app.register(async (imports) => {
    imports.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    imports.post<{ Params: { kind: string }; Querystring: Record<string, string> }>('/api/imports/:kind', { bodyLimit: maxUploadBytes }, async (request, reply) => {
      const access = await authorize(deps, request, reply);
      if (!access) return reply;
      const query = querySchema.safeParse(request.query);
      if (!query.success) return refuse(reply, 400, `${query.error.issues[0]!.path.join('.')}: ${query.error.issues[0]!.message}`);
      const { source, size } = query.data;
      const body = request.body as NodeJS.ReadableStream;
      const { kind } = request.params;

      if (kind === 'contacts') {
        const mapping = parseMapping(query.data.mapping);
        if (typeof mapping === 'string') return refuse(reply, 400, mapping);
        return streamProgress(reply, async (send) => {
          const summary = await importContactsCsv(deps.db, { workspaceId: access.workspaceId, input: body as never, source, size, mapping, onProgress: send });
          await access.audit('contacts.import', source, { rows: summary.rows, imported: summary.imported, errors: summary.errors });
          return summary;
        });
      }
      if (kind === 'online-retail') {
        const triggerJourneys = query.data.triggerJourneys === 'true';
        return streamProgress(reply, async (send) => {
          const summary = await importOnlineRetail(deps.db, {
            workspaceId: access.workspaceId,
            input: body as never,
            source,
            size,
            triggerJourneys,
            onProgress: async (progress) => {
              // Events imported to trigger journeys are routed as they are committed.
              if (triggerJourneys) deps.routing?.wake();
              await send(progress);
            },
          });
          await access.audit('events.import', source, { kind, lines: summary.lines, eventsWritten: summary.eventsWritten, triggerJourneys });
          return summary;
        });
      }
      return refuse(reply, 404, `no importer "${kind}": use online-retail or contacts`);
    });

    imports.post<{ Querystring: Record<string, string> }>('/api/imports/contacts/preview', { bodyLimit: maxPreviewBytes }, async (request, reply) => {
      const access = await authorize(deps, request, reply);
      if (!access) return reply;
      const mapping = request.query.mapping ? parseMapping(request.query.mapping) : undefined;
      if (typeof mapping === 'string') return refuse(reply, 400, mapping);
      try {
        return reply.send(await previewContactsCsv(request.body as never, { mapping, limit: 20 }));
      } catch (error) {
        if (error instanceof ContactsMappingError) return refuse(reply, 400, `mapping: ${error.message}`);
        throw error;
      }
    });
  });
}

interface Access {
  workspaceId: string;
  audit(action: string, target: string, detail: Record<string, unknown>): Promise<void>;
}

/** The marketer check of workspaceProcedure, for a plain HTTP route; answers the refusal itself. */
async function authorize(deps: ServerDeps, request: FastifyRequest, reply: FastifyReply): Promise<Access | null> {
  const context = await requestContext(deps, request);
  const { principal } = context;
  if (!principal) {
    await refuse(reply, 401, 'sign in to the console, or send an API token (tend login)');
    return null;
  }
  if (principal.kind === 'user' && principal.session && !context.csrfVerified) {
    await refuse(reply, 403, 'this upload did not come from the console (missing CSRF token): reload the page');
    return null;
  }
  try {
    const { workspace } = await workspaceAccess(deps.db, principal, context.workspaceId, 'marketer');
    const actor = actorOf(principal);
    return {
      workspaceId: workspace.id,
      audit: (action, target, detail) => recordAudit(deps.db, { workspaceId: workspace.id, ...actor, action, target, detail }),
    };
  } catch (error) {
    if (!(error instanceof WorkspaceAccessError)) throw error;
    await refuse(reply, error.code === 'NOT_FOUND' ? 404 : 403, error.message);
    return null;
  }
}

function parseMapping(text: string | undefined): ContactsCsvMapping | string {
  if (!text) return 'mapping: say which column holds what, e.g. {"userId":"customer_id","email":"email","traits":{"firstName":"first_name"}}';
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'mapping: not JSON';
  }
  const parsed = mappingSchema.safeParse(json);
  return parsed.success ? parsed.data : `mapping.${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`;
}

function refuse(reply: FastifyReply, status: number, message: string) {
  const code = status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : status === 404 ? 'not_found' : 'invalid_request';
  return reply.code(status).send({ code, message });
}

/** Answers NDJSON: a line per progress report, then `{ "done": summary }` or `{ "error": message }`. */
function streamProgress(reply: FastifyReply, work: (send: (progress: object) => Promise<void>) => Promise<object>) {
  const lines = new PassThrough();
  const write = (value: object) => new Promise<void>((resolve) => (lines.write(`${JSON.stringify(value)}\n`) ? resolve() : lines.once('drain', resolve)));
  void work((progress) => write({ progress }))
    .then((summary) => write({ done: summary }))
    .catch((error: unknown) => write({ error: error instanceof Error ? error.message : String(error) }))
    .finally(() => lines.end());
  return reply.code(200).type('application/x-ndjson').header('cache-control', 'no-store').send(lines);
}
