import { z } from 'zod';
import { nodeSpec } from './node-spec.js';
import { traitName } from './trait-name.js';

// RFC 9110 token characters.
const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Set by Tend on every call, or by the HTTP client itself.
const ownHeaders = new Set(['idempotency-key', 'content-length', 'host', 'transfer-encoding', 'connection']);

export const webhookMethods = ['POST', 'PUT', 'PATCH', 'GET'] as const;

export const webhookNode = nodeSpec({
  type: 'webhook',
  version: 1,
  category: 'action',
  title: 'Call a webhook',
  description:
    'Calls an HTTP endpoint for the contact. The body is a JSON template: contact values inside "quotes" are escaped for you, and a value outside quotes (a number, a list) is written as JSON. Every retry of one call carries the same Idempotency-Key header. A credential goes in a header as {{ secrets.NAME }} (a workspace secret, Settings → Secrets), never written out. A JSON answer can be saved on the profile.',
  config: z
    .object({
      url: z.url({ protocol: /^https?$/, message: 'enter the full address to call, starting with https://' }),
      method: z.enum(webhookMethods, { message: 'choose POST, PUT, PATCH or GET' }).default('POST'),
      /** Sent as written, except {{ secrets.NAME }}: a workspace secret, filled in only when the call is made. */
      headers: z
        .record(z.string(), z.string({ message: 'a header value is text' }))
        .superRefine((headers, context) => {
          for (const name of Object.keys(headers)) {
            if (!headerName.test(name)) context.addIssue({ code: 'custom', path: [name], message: `"${name}" is not a valid header name` });
            else if (ownHeaders.has(name.toLowerCase())) context.addIssue({ code: 'custom', path: [name], message: `Tend sets ${name} itself: remove it` });
          }
        })
        .optional(),
      /** A Liquid template that must render to JSON, e.g. {"email": "{{ contact.email }}"}. */
      body: z.string().optional(),
      timeoutMs: z
        .number({ message: 'enter a timeout in milliseconds' })
        .int('enter whole milliseconds')
        .min(1000, 'allow at least 1 second (1000 ms)')
        .max(60_000, 'a webhook may take at most 60 seconds (60000 ms)')
        .default(10_000),
      /** The trait the JSON answer is saved under, e.g. "crm" → {{ contact.crm.id }}. */
      saveResponseAs: traitName.optional(),
    })
    .superRefine((config, context) => {
      if (config.method === 'GET' && config.body?.trim()) {
        context.addIssue({ code: 'custom', path: ['body'], message: 'a GET request has no body: remove it or choose POST' });
      }
    }),
  outputs: ['next'],
  summary: [
    '{% assign verb = method | text | default: "POST" %}{% assign address = url | text %}{% assign saveAs = saveResponseAs | text %}',
    '{% if address %}Webhook {{ verb }} {{ address }}{% if saveAs %}, answer saved as {{ saveAs }}{% endif %}',
    '{% else %}Webhook {{ verb }} (no address set){% endif %}',
  ].join(''),
  ui: { headers: 'headers', body: 'liquid', saveResponseAs: 'trait-name' },
  defaults: { url: '', method: 'POST' },
  templateFields: ['body'],
  fetchedUrlFields: ['url'],
  headerFields: ['headers'],
});

export type WebhookConfig = z.infer<typeof webhookNode.config>;
