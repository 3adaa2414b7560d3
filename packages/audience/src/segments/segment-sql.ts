import { contacts, events, lifetimeValues, listMemberships, rfmScores, segmentMemberships, sql, type SQL } from '@tend/db';
import { eventCountFrom, type Condition, type EventCountCondition, type PropertyFilter } from '@tend/journey/ir';
import { filterSql } from './filter-sql.js';
import { jsonAt } from './json-sql.js';
import { SegmentError, type SegmentProblem } from './segment-error.js';

export interface SegmentSqlOptions {
  workspaceId: string;
  /** The reference "now": "the last N days" of event counts end here. */
  asOf: Date;
}

/**
 * A segment definition (a journey condition) as one SQL boolean over a row of `contacts`
 * (the table under its own name, not aliased), true for the workspace's contacts that are in the
 * segment at `asOf`: correlated EXISTS and counts, so Postgres finds
 * the members and nothing loops over rows in JavaScript. It means what the journey evaluator
 * means (evaluateCondition on the facts the worker fetches), on PGlite as on a Postgres server.
 * Engagement conditions are refused: they ask about an email a journey sent.
 *
 * @example
 * await db.select({ id: contacts.id }).from(contacts).where(segmentSql(definition, { workspaceId: ws, asOf: new Date() }));
 */
export function segmentSql(condition: Condition, options: SegmentSqlOptions): SQL {
  const problems = segmentProblems(condition);
  if (problems.length > 0) throw new SegmentError('invalid', problems);
  // The workspace is part of the predicate, so no caller can forget it.
  return sql`(${contacts.workspaceId} = ${options.workspaceId} and ${compile(condition, options)})`;
}

/** Why a (schema-valid) condition cannot be a segment, each with the path of the condition at fault. */
export function segmentProblems(condition: Condition, path: (string | number)[] = []): SegmentProblem[] {
  switch (condition.kind) {
    case 'engagement':
      return [{ path: [...path, 'kind'].join('.'), message: 'engagement conditions belong to journeys (an email a journey sent was opened or clicked): a segment cannot use one' }];
    case 'all':
    case 'any':
      return condition.conditions.flatMap((inner, index) => segmentProblems(inner, [...path, 'conditions', index]));
    case 'not':
      return segmentProblems(condition.condition, [...path, 'condition']);
    default:
      return [];
  }
}

function compile(condition: Condition, options: SegmentSqlOptions): SQL {
  const { workspaceId } = options;
  switch (condition.kind) {
    case 'attribute':
      return filterSql(profileValue(condition.attribute), condition.op, condition.value);
    case 'event-count':
      return eventCountSql(condition, options.asOf);
    case 'segment':
      return membership(
        condition.member,
        sql`select 1 from ${segmentMemberships} where ${segmentMemberships.workspaceId} = ${workspaceId} and ${segmentMemberships.segment} = ${condition.segment} and ${segmentMemberships.contactId} = ${contacts.id}`,
      );
    case 'list':
      return membership(
        condition.member,
        sql`select 1 from ${listMemberships} where ${listMemberships.workspaceId} = ${workspaceId} and ${listMemberships.listId} = ${condition.list} and ${listMemberships.contactId} = ${contacts.id}`,
      );
    case 'rfm':
      // No score, no row: a contact never scored is in no group.
      return sql`exists (select 1 from ${rfmScores} where ${rfmScores.workspaceId} = ${workspaceId} and ${rfmScores.contactId} = ${contacts.id} and ${rfmScores.group} in (${sql.join(
        condition.groups.map((group) => sql`${group}`),
        sql`, `,
      )}))`;
    case 'predicted': {
      const measure = { probabilityAlive: lifetimeValues.probabilityAlive, expectedPurchases: lifetimeValues.expectedPurchases, expectedSpend: lifetimeValues.expectedSpend }[condition.measure];
      const operator = sql.raw({ gt: '>', gte: '>=', lt: '<', lte: '<=' }[condition.op]);
      return sql`exists (select 1 from ${lifetimeValues} where ${lifetimeValues.workspaceId} = ${workspaceId} and ${lifetimeValues.contactId} = ${contacts.id} and ${measure} ${operator} ${condition.value}::float8)`;
    }
    case 'all':
      return condition.conditions.length === 0 ? sql`true` : sql`(${sql.join(condition.conditions.map((inner) => compile(inner, options)), sql` and `)})`;
    case 'any':
      return condition.conditions.length === 0 ? sql`false` : sql`(${sql.join(condition.conditions.map((inner) => compile(inner, options)), sql` or `)})`;
    case 'not':
      return sql`(not ${compile(condition.condition, options)})`;
    case 'engagement':
      throw new SegmentError('invalid', segmentProblems(condition));
  }
}

function membership(member: boolean, rows: SQL): SQL {
  return member ? sql`exists (${rows})` : sql`not exists (${rows})`;
}

/**
 * A profile attribute as the evaluator reads it: traits merged with { email, userId, id }, those
 * three from the contact's columns (and nothing below them: "email.x" is no value).
 */
function profileValue(attribute: string): SQL {
  const [first, ...rest] = attribute.split('.');
  const column = first === 'email' ? contacts.email : first === 'userId' ? contacts.userId : first === 'id' ? contacts.id : undefined;
  if (column === undefined) return jsonAt(sql`${contacts.traits}`, attribute);
  return rest.length === 0 ? sql`to_jsonb(${column})` : sql`null::jsonb`;
}

/**
 * "Did the event at least N times from the window's start": counted with a LIMIT of N, so a
 * contact with thousands of orders costs no more than one with N. Which stored calls count as
 * the event is routing's rule (storedAsEvent in packages/routing/src/routed-event.ts, which this
 * package may not import): track events of the name, and page or screen calls for "Page Viewed"
 * or "Screen Viewed". Events after `asOf` count too, as the worker counts them (a device's clock
 * may run ahead of ours).
 */
function eventCountSql(condition: EventCountCondition, asOf: Date): SQL {
  const from = eventCountFrom(condition, asOf.getTime());
  const name = condition.event;
  const storedAs = sql.join(
    [
      sql`(counted_event.type = 'track' and counted_event.name = ${name}::text)`,
      ...(name === 'Page Viewed' ? [sql`counted_event.type = 'page'`] : []),
      ...(name === 'Screen Viewed' ? [sql`counted_event.type = 'screen'`] : []),
    ],
    sql` or `,
  );
  const filters = condition.filters.map((filter: PropertyFilter) => filterSql(jsonAt(sql.raw('counted_event.properties'), filter.property), filter.op, filter.value));
  const since = from === undefined ? [] : [sql`counted_event.occurred_at >= ${new Date(from).toISOString()}::timestamptz`];
  const where = sql.join([sql`counted_event.contact_id = ${contacts.id}`, sql`(${storedAs})`, ...since, ...filters], sql` and `);
  return sql`((select count(*) from (select 1 from ${events} as counted_event where ${where} limit ${condition.atLeast}) as enough) >= ${condition.atLeast})`;
}
