import { sendEmailOnce, type EmailTransport } from '@tend/channels';
import type { Database } from '@tend/db';
import { sendEmailNode } from '@tend/journey';
import { defineNode } from '@tend/sdk';

export interface SendEmailDeps {
  db: Database;
  email: EmailTransport;
  /** The sender used when neither the node nor the workspace names one. */
  defaultFrom: string;
}

export const sendEmail = defineNode({
  ...sendEmailNode,
  async run(context, config, deps: SendEmailDeps) {
    await sendEmailOnce(deps.db, deps.email, { ...context, from: deps.defaultFrom, config });
    return { output: 'next' };
  },
});
