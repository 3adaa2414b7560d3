import { createHash } from 'node:crypto';
import type { TemplateContent } from '@tend/db';
import { z } from 'zod';

export type { TemplateContent } from '@tend/db';

/** What a library item is: a template (an email, with a subject), a layout it sits in, or a partial it shares. */
export const templateKinds = ['template', 'layout', 'partial'] as const;
export type TemplateKind = (typeof templateKinds)[number];

/** Ids are named in Liquid (`{% layout 'base' %}`, `{% render 'footer' %}`) and in journeys: a slug. */
export const templateIdPattern = /^[a-z0-9][a-z0-9_-]{0,62}$/;
export const templateIdMessage = 'use 1 to 63 lower-case letters, digits, "-" or "_", starting with a letter or digit (e.g. "welcome")';

/** A body larger than this is a mistake (inline images, a pasted export), not an email: clients clip past ~100 KB. */
const maxBodyLength = 256 * 1024;

/** The stored shape of a draft or version, checked wherever one comes in. */
export const templateContentSchema = z.object({
  subject: z.string().max(998, 'a subject is at most 998 characters (RFC 5322)').optional(),
  format: z.enum(['mjml', 'html'], { error: 'choose the format: mjml or html' }),
  body: z.string().max(maxBodyLength, `the body is over ${maxBodyLength / 1024} KB: link images instead of inlining them`),
  text: z.string().max(maxBodyLength, `the text part is over ${maxBodyLength / 1024} KB`).optional(),
  preheader: z.string().max(500, 'a preheader is at most 500 characters (inboxes show about 100)').optional(),
}) satisfies z.ZodType<TemplateContent>;

/** A stable hash of the content: versions with the same hash are the same, and compiled templates are cached by it. */
export function contentHash(content: TemplateContent): string {
  const { subject, format, body, text, preheader } = content;
  return createHash('sha256').update(JSON.stringify([subject ?? null, format, body, text ?? null, preheader ?? null])).digest('hex');
}
