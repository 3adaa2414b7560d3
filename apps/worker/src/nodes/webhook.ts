import { callWebhook, renderJsonBody, templateScope, UndeliverableError } from '@tend/channels';
import { contacts, eq, sql } from '@tend/db';
import { webhookNode } from '@tend/journey';
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

    let body: string | undefined;
    if (config.body?.trim()) {
      const rendered = await renderJsonBody(config.body, templateScope(contact, context.entryEvent));
      if (!rendered.ok) throw ApplicationFailure.nonRetryable(rendered.error);
      body = rendered.body;
    }
    const answer = await callWebhook(
      { url: config.url, method: config.method, headers: config.headers, body, timeoutMs: config.timeoutMs, idempotencyKey: context.idempotencyKey },
      deps.fetch,
    ).catch((error: unknown) => {
      // An internal target refused (RefusedTargetError) is refused on every retry: fail the visit now.
      if (error instanceof UndeliverableError) throw ApplicationFailure.nonRetryable(error.message, error.name);
      throw error;
    });

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
