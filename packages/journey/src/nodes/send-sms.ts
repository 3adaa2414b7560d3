import { z } from 'zod';
import { checkMessagePurpose, messagePurposeFields, messagePurposeUi } from './message-purpose.js';
import { nodeSpec } from './node-spec.js';

export const sendSmsNode = nodeSpec({
  type: 'send-sms',
  version: 1,
  category: 'action',
  title: 'Send SMS',
  description:
    'Texts the contact at their "phone" trait, in international form (+14155550123). The message is a Liquid template over {{ contact.* }}. A contact without a usable phone number is skipped.',
  config: z.object({
    body: z
      .string({ message: 'write the text message' })
      .trim()
      .min(1, 'write the text message')
      .max(1600, 'keep the message under 1,600 characters (10 SMS parts)'),
    ...messagePurposeFields,
  }).superRefine(checkMessagePurpose),
  outputs: ['next'],
  summary: '{% assign message = body | oneline %}{% if message %}SMS: {{ message }}{% else %}SMS (no message yet){% endif %}',
  ui: { body: 'liquid', ...messagePurposeUi },
  defaults: { body: '' },
  templateFields: ['body'],
  channel: 'sms',
});

export type SendSmsConfig = z.infer<typeof sendSmsNode.config>;
