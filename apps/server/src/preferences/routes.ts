import type { Database } from '@tend/db';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { emailPreferences, saveEmailPreferences, unsubscribeOneClick } from './email-preferences.js';
import { verifiedLink } from './link-claim.js';
import { preferencePage, savedPage, unknownLinkPage } from './preference-page.js';

type TokenRequest = { Params: { token: string }; Body: string | undefined };

/**
 * The links in every email (see @tend/channels unsubscribe-token):
 * - POST /u/:token — RFC 8058 one-click, what a mail client's Unsubscribe button sends
 *   (`List-Unsubscribe=One-Click`, form-encoded or multipart): unsubscribes and answers 200.
 * - GET /u/:token and /u/:token/preferences — the preference page. Mail scanners and clients
 *   fetch links ahead of the reader, so a GET changes nothing.
 * - POST /u/:token/preferences — the page's form.
 * Any link that does not verify gets the same 404, whatever is wrong with it.
 */
export function registerPreferenceRoutes(app: FastifyInstance, db: Database): void {
  void app.register(async (links) => {
    // Bodies are small forms, read as text whatever their type (a one-click POST may be multipart).
    links.removeAllContentTypeParsers();
    links.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => done(null, body));

    links.post<TokenRequest>('/u/:token', async (request, reply) => {
      const link = await verifiedLink(db, request.params.token);
      if (!link) return notFound(reply);
      if (!(request.body ?? '').includes('List-Unsubscribe=One-Click')) {
        return reply.code(400).type('text/plain; charset=utf-8').send('a one-click unsubscribe posts List-Unsubscribe=One-Click (RFC 8058)');
      }
      await unsubscribeOneClick(db, link);
      return reply.code(200).type('text/plain; charset=utf-8').header('cache-control', 'no-store').send('You are unsubscribed.');
    });

    for (const path of ['/u/:token', '/u/:token/preferences']) {
      links.get<TokenRequest>(path, async (request, reply) => {
        const link = await verifiedLink(db, request.params.token);
        if (!link) return notFound(reply);
        return html(reply, preferencePage(link.workspaceName, request.params.token, await emailPreferences(db, link)));
      });
    }

    links.post<TokenRequest>('/u/:token/preferences', async (request, reply) => {
      const link = await verifiedLink(db, request.params.token);
      if (!link) return notFound(reply);
      const form = new URLSearchParams(request.body ?? '');
      await saveEmailPreferences(db, link, { topics: new Set(form.getAll('topic')), unsubscribeFromAll: form.has('all') });
      return html(reply, savedPage(link.workspaceName, request.params.token));
    });
  });
}

function html(reply: FastifyReply, body: string) {
  return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('x-robots-tag', 'noindex').send(body);
}

function notFound(reply: FastifyReply) {
  return html(reply.code(404), unknownLinkPage());
}
