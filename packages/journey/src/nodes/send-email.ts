import { z } from 'zod';
import { checkMessagePurpose, messagePurposeFields } from './message-purpose.js';
import { nodeSpec } from './node-spec.js';

export const sendEmailNode = nodeSpec({
  type: 'send-email',
  version: 1,
  category: 'action',
  title: 'Send email',
  description: 'Sends a personalised email. Subject and body are Liquid templates over {{ contact.* }}.',
  config: z.object({
    subject: z.string().trim().min(1, 'write a subject line'),
    /** HTML body, a Liquid template. */
    html: z.string().trim().min(1, 'write the email body'),
    /** Plain-text alternative; derived from the HTML when absent. */
    text: z.string().optional(),
    /** Overrides the workspace's sender, e.g. "Ada at Shop <ada@shop.example>". */
    from: z.string().optional(),
    ...messagePurposeFields,
  }).superRefine(checkMessagePurpose),
  outputs: ['next'],
  summary: '{% assign line = subject | text %}{% if line %}Email: {{ line }}{% else %}Email (no subject yet){% endif %}',
  ui: { subject: 'liquid', html: 'liquid-html', text: 'liquid' },
  defaults: { subject: '', html: '' },
  templateFields: ['subject', 'html', 'text'],
  channel: 'email',
});

export type SendEmailConfig = z.infer<typeof sendEmailNode.config>;
