import { z } from 'zod';
import { nodeSpec } from './node-spec.js';

const listConfig = z.object({
  /** The list's id; add-to-list creates the list the first time. */
  list: z
    .string({ message: 'name the list, e.g. "vip-customers"' })
    .trim()
    .min(1, 'name the list, e.g. "vip-customers"')
    .max(64, 'keep the list id under 64 characters')
    .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'a list id is lowercase letters and digits joined by dashes, e.g. "vip-customers"'),
});

export type ListConfig = z.infer<typeof listConfig>;

export const addToListNode = nodeSpec({
  type: 'add-to-list',
  version: 1,
  category: 'action',
  title: 'Add to list',
  description: 'Adds the contact to a list (created the first time it is used). Adding someone already on it changes nothing.',
  config: listConfig,
  outputs: ['next'],
  summary: '{% assign name = list | text %}{% if name %}Add to list {{ name }}{% else %}Add to a list (no list named){% endif %}',
  defaults: { list: '' },
});

export const removeFromListNode = nodeSpec({
  type: 'remove-from-list',
  version: 1,
  category: 'action',
  title: 'Remove from list',
  description: 'Takes the contact off a list. Removing someone who is not on it changes nothing.',
  config: listConfig,
  outputs: ['next'],
  summary: '{% assign name = list | text %}{% if name %}Remove from list {{ name }}{% else %}Remove from a list (no list named){% endif %}',
  defaults: { list: '' },
});
