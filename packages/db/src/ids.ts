import { randomUUID } from 'node:crypto';

/** Prefixed random ids ("ct_…", "ev_…") so a stray id in a log says what it is. */
export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '')}`;
}
