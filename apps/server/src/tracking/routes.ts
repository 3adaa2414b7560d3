import { verifyTracking } from '@tend/channels';
import { eq, messages, sql, workspaces, type Database } from '@tend/db';
import type { FastifyInstance } from 'fastify';

// The smallest transparent GIF.
const pixel = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * Open and click tracking for email: GET /t/o/:token/:sig.gif records an open, GET /t/c/:token
 * records a click (and an open) and redirects to the signed link. Branch conditions on
 * engagement read what these record. A bad signature records nothing and redirects nowhere.
 */
export function registerTrackingRoutes(app: FastifyInstance, db: Database): void {
  app.get<{ Params: { token: string; sig: string } }>('/t/o/:token/:sig', async (request, reply) => {
    const key = await verified(db, request.params.token, 'open', request.params.sig.replace(/\.gif$/, ''));
    if (key) await db.update(messages).set({ openedAt: sql`coalesce(${messages.openedAt}, now())` }).where(eq(messages.idempotencyKey, key));
    return reply.header('content-type', 'image/gif').header('cache-control', 'no-store').send(pixel);
  });

  app.get<{ Params: { token: string }; Querystring: { u?: string; s?: string } }>('/t/c/:token', async (request, reply) => {
    const { u: url, s: sig } = request.query;
    const key = url && sig && /^https?:\/\//i.test(url) ? await verified(db, request.params.token, url, sig) : null;
    if (!key) return reply.code(404).send({ error: 'not_found', message: 'this link is not one Tend sent' });
    await db
      .update(messages)
      .set({ clickedAt: sql`coalesce(${messages.clickedAt}, now())`, openedAt: sql`coalesce(${messages.openedAt}, now())` })
      .where(eq(messages.idempotencyKey, key));
    return reply.redirect(url!, 302);
  });
}

/** The message's idempotency key when the token's signature holds for the message's workspace. */
async function verified(db: Database, token: string, subject: string, sig: string): Promise<string | null> {
  const key = Buffer.from(token, 'base64url').toString('utf8');
  const [row] = await db
    .select({ secret: workspaces.trackingSecret })
    .from(messages)
    .innerJoin(workspaces, eq(workspaces.id, messages.workspaceId))
    .where(eq(messages.idempotencyKey, key));
  return row ? verifyTracking(row.secret, token, subject, sig) : null;
}
