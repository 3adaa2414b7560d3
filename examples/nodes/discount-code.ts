import { createHash } from 'node:crypto';
import { contacts, eq, sql, type Database } from '@tend/db';
import { defineNode } from '@tend/sdk';
import { z } from 'zod';

/**
 * A custom action node: gives the contact a personal discount code and stores it on their
 * profile (trait `discountCode`), so the next email can say {{ contact.discountCode }}.
 * The code is derived from the idempotency key, so a retried activity stores the same code.
 */
export const discountCode = defineNode({
  type: 'acme.discount-code',
  version: 1,
  title: 'Create discount code',
  description: 'Creates a personal discount code and saves it on the profile as discountCode.',
  config: z.object({
    prefix: z.string().regex(/^[A-Z]{2,8}$/, 'use 2 to 8 capital letters, e.g. "WELCOME"'),
    percentOff: z.number().int().min(5, 'at least 5%').max(50, 'at most 50%'),
  }),
  outputs: ['next'],
  // What the editor's canvas card says, and the config of a freshly dropped node.
  summary: '{% if prefix %}Discount code {{ prefix }}{{ percentOff }}-…, {{ percentOff }}% off{% else %}Create discount code (no prefix set){% endif %}',
  defaults: { prefix: 'WELCOME', percentOff: 10 },
  async run(context, config, deps: { db: Database }) {
    const suffix = createHash('sha256').update(context.idempotencyKey).digest('hex').slice(0, 6).toUpperCase();
    const code = `${config.prefix}${config.percentOff}-${suffix}`;
    const traits = { discountCode: code, discountPercent: config.percentOff };
    await deps.db
      .update(contacts)
      .set({ traits: sql`${contacts.traits} || ${JSON.stringify(traits)}::jsonb` })
      .where(eq(contacts.id, context.contactId));
    return { output: 'next' };
  },
});

/** What TEND_NODES loads: `TEND_NODES=examples/nodes/discount-code.ts npm start`. */
export const nodes = [discountCode];
