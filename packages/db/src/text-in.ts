import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * `column = any($1::text[])`: a text column among `values`, bound as one array parameter.
 * drizzle's `inArray` binds one parameter per value, and building, sending and planning a list
 * of hundreds (a batch's message ids, a read's event ids) cost more than the lookup itself.
 *
 * @example
 * db.select().from(events).where(textIn(events.messageId, messageIds))
 */
export function textIn(column: AnyColumn, values: readonly string[]): SQL {
  return sql`${column} = any(${sql.param(values)}::text[])`;
}
