import { callWebhook, renderHeaders, renderJsonBody, templateScope, UndeliverableError } from '@tend/channels';
import { and, contacts, eq, inArray, sql, workspaceSecrets, type Database } from '@tend/db';
import { headerSecrets, webhookNode } from '@tend/journey';
import { defineNode } from '@tend/sdk';
import { ApplicationFailure } from '@temporalio/activity';
import type { NodeDeps } from './node-deps.js';

/** A trait is read by every template and segment of the contact: keep saved answers small. */
const maxSavedAnswer = 64 * 1024;

export const webhook = defineNode({
  ...webhookNode,
  async run(context, config, deps: Pick<NodeDeps, 'db' | 'fetch'>) {
    const [contact] = await deps.db.select().from(contacts).where(eq(contacts.id, context.contactId));
    // Nobody to call about any more (the profile was deleted or merged away).
    if (!contact) return { output: 'next' };

    const headers = config.headers && (await withSecrets(deps.db, context.workspaceId, config.headers));
    let body: string | undefined;
    if (config.body?.trim()) {
      const rendered = await renderJsonBody(config.body, templateScope(contact, context.entryEvent));
      if (!rendered.ok) throw ApplicationFailure.nonRetryable(rendered.error);
      body = rendered.body;
    }
    const answer = await callWebhook(
      { url: config.url, method: config.method, headers, body, timeoutMs: config.timeoutMs, idempotencyKey: context.idempotencyKey },
      deps.fetch,
    ).catch(failForGood);

    if (config.saveResponseAs) {
      if (answer.size > maxSavedAnswer) {
        throw ApplicationFailure.nonRetryable(
          `the webhook's answer is ${answer.size} characters, too large to save as "${config.saveResponseAs}" (at most ${maxSavedAnswer})`,
        );
      }
      const traits = JSON.stringify({ [config.saveResponseAs]: answer.body });
      await deps.db
        .update(contacts)
        .set({ traits: sql`${contacts.traits} || ${traits}::jsonb`, updatedAt: new Date() })
        .where(eq(contacts.id, contact.id));
    }
    return { output: 'next' };
  },
});

/** An internal target refused (RefusedTargetError) is refused on every retry: fail the visit now. */
function failForGood(error: unknown): never {
  if (error instanceof UndeliverableError) throw ApplicationFailure.nonRetryable(error.message, error.name);
  throw error;
}

/**
 * The headers with the workspace secrets they name filled in. Secrets are read here, in the
 * activity, at each call: they are never in the journey, its IR, Temporal's history or a visit.
 * A missing one fails the visit for good: retrying cannot add it, and the error says how.
 */
async function withSecrets(db: Database, workspaceId: string, headers: Record<string, string>): Promise<Record<string, string>> {
  const names = new Set<string>();
  for (const [header, value] of Object.entries(headers)) {
    const read = headerSecrets(value);
    // Publish refuses such a header, so only a version published before these checks gets here.
    if ('error' in read) throw ApplicationFailure.nonRetryable(`the ${header} header cannot be sent: ${read.error}`, 'InvalidHeaderError');
    for (const name of read.names) names.add(name);
  }
  const rows =
    names.size === 0
      ? []
      : await db
          .select({ name: workspaceSecrets.name, value: workspaceSecrets.value })
          .from(workspaceSecrets)
          .where(and(eq(workspaceSecrets.workspaceId, workspaceId), inArray(workspaceSecrets.name, [...names])));
  const secrets = Object.fromEntries(rows.map((row) => [row.name, row.value]));
  const missing = [...names].find((name) => !(name in secrets));
  if (missing) throw ApplicationFailure.nonRetryable(`the webhook needs secret ${missing}: add it in Settings → Secrets`, 'MissingSecretError');
  return renderHeaders(headers, secrets).catch(failForGood);
}
