import { z } from 'zod';
import { templateError } from '../templates.js';
import { nodeSpec } from './node-spec.js';
import { traitName, traitNameError } from './trait-name.js';

export const updateProfileNode = nodeSpec({
  type: 'update-profile',
  version: 1,
  category: 'action',
  title: 'Update profile',
  description:
    'Sets or removes traits on the contact\'s profile. A text value is a Liquid template over {{ contact.* }}; one that is a single {{ … }} keeps its type ("{{ contact.visits | plus: 1 }}" stays a number). Other JSON values are stored as written.',
  config: z
    .object({
      /** Trait name → value: a Liquid string or any JSON value. */
      set: z.record(z.string(), z.json({ message: 'a trait value is text, a number, true/false, a list or an object' })).superRefine((set, context) => {
        for (const [name, value] of Object.entries(set)) {
          const error = traitNameError(name) ?? (typeof value === 'string' ? templateError(value) : null);
          if (error) context.addIssue({ code: 'custom', path: [name], message: error });
        }
      }),
      /** Traits to remove from the profile. */
      unset: z.array(traitName).optional(),
    })
    .superRefine((config, context) => {
      const unset = config.unset ?? [];
      if (Object.keys(config.set).length === 0 && unset.length === 0) {
        context.addIssue({ code: 'custom', path: ['set'], message: 'set or remove at least one trait' });
      }
      for (const name of unset) {
        if (name in config.set) context.addIssue({ code: 'custom', path: ['unset'], message: `"${name}" is both set and removed: keep one` });
      }
    }),
  outputs: ['next'],
  summary: [
    '{% assign names = set | keys %}{% assign removed = unset | strings %}',
    '{% if names.size > 0 or removed.size > 0 %}Update profile: ',
    '{% if names.size > 0 %}{{ names | list }}{% if removed.size > 0 %}; {% endif %}{% endif %}',
    '{% if removed.size > 0 %}remove {{ removed | list }}{% endif %}',
    '{% else %}Update profile (no traits chosen){% endif %}',
  ].join(''),
  ui: { 'unset[]': 'trait-name' },
  defaults: { set: {} },
});

export type UpdateProfileConfig = z.infer<typeof updateProfileNode.config>;
