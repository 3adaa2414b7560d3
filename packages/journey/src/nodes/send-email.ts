import { z } from 'zod';
import { mailbox } from '../mailbox.js';
import { checkMessagePurpose, messagePurposeFields, messagePurposeUi } from './message-purpose.js';
import { nodeSpec } from './node-spec.js';

export const sendEmailNode = nodeSpec({
  type: 'send-email',
  version: 1,
  category: 'action',
  title: 'Send email',
  description: 'Sends a personalised email: a template from the library, or a subject and body written here (Liquid templates over {{ contact.* }}).',
  config: z
    .object({
      /** A template of the workspace's email library (its live version is sent); absent: the subject and body below. */
      template: z.string().trim().optional(),
      /** The subject line; with a template, empty means the template's. */
      subject: z.string().trim().default(''),
      /** HTML body, a Liquid template; with a template, empty means the template's. */
      html: z.string().trim().default(''),
      /** Plain-text alternative; derived from the HTML when absent. */
      text: z.string().optional(),
      /** Overrides the workspace's sender, e.g. "Ada at Shop <ada@shop.example>". */
      from: z.string().optional(),
      /** Where replies go, overriding the workspace's reply-to, e.g. "Help <help@shop.example>". */
      replyTo: mailbox('reply-to address').optional(),
      ...messagePurposeFields,
    })
    .superRefine(checkContent)
    .superRefine(checkMessagePurpose),
  outputs: ['next'],
  summary:
    '{% assign name = template | text %}{% assign line = subject | text %}{% if name %}Email: template {{ name }}{% elsif line %}Email: {{ line }}{% else %}Email (no subject yet){% endif %}',
  ui: { template: 'email-template', subject: 'liquid', html: 'liquid-html', text: 'liquid', ...messagePurposeUi },
  defaults: { subject: '', html: '' },
  templateFields: ['subject', 'html', 'text'],
  channel: 'email',
});

/** Without a library template the node writes its own email: it needs a subject and a body. */
function checkContent(config: { template?: string; subject: string; html: string }, ctx: z.RefinementCtx): void {
  if (config.template) return;
  if (!config.subject) ctx.addIssue({ code: 'custom', path: ['subject'], message: 'write a subject line' });
  if (!config.html) ctx.addIssue({ code: 'custom', path: ['html'], message: 'write the email body' });
}

export type SendEmailConfig = z.infer<typeof sendEmailNode.config>;
