import { z } from 'zod';
import { checkMessagePurpose, messagePurposeFields, messagePurposeUi } from './message-purpose.js';
import { nodeSpec } from './node-spec.js';

export const sendPushNode = nodeSpec({
  type: 'send-push',
  version: 1,
  category: 'action',
  title: 'Send push notification',
  description:
    'Shows a notification in every browser where the contact allowed web push. Title, text and link are Liquid templates over {{ contact.* }}. A contact with no push subscription is skipped.',
  config: z.object({
    title: z.string({ message: 'write a title' }).trim().min(1, 'write a title').max(120, 'keep the title under 120 characters'),
    body: z
      .string({ message: 'write the notification text' })
      .trim()
      .min(1, 'write the notification text')
      .max(500, 'keep the text under 500 characters: browsers cut long notifications'),
    /** Opened when the notification is clicked: an absolute URL or a path on the site. */
    url: z
      .string()
      .trim()
      .refine((url) => /^(https?:\/\/|\/|\{\{)/.test(url), 'link to a page: a full https:// address or a path such as /cart')
      .optional(),
    ...messagePurposeFields,
  }).superRefine(checkMessagePurpose),
  outputs: ['next'],
  summary: '{% assign line = title | oneline %}{% if line %}Push: {{ line }}{% else %}Push (no title yet){% endif %}',
  ui: { title: 'liquid', body: 'liquid', url: 'liquid', ...messagePurposeUi },
  defaults: { title: '', body: '' },
  templateFields: ['title', 'body', 'url'],
  channel: 'push',
});

export type SendPushConfig = z.infer<typeof sendPushNode.config>;
