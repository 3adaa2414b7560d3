import { bigserial, doublePrecision, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A segment: a named condition over contacts (traits, events, lists, other segments, RFM group,
 * predicted value), compiled to SQL. Who is in it now is `segment_memberships`; every entry and
 * exit is also stored as a "Segment Entered" / "Segment Exited" event, so it shows on the
 * contact's timeline and enters journeys through routing like any event.
 */
export const segments = pgTable(
  'segments',
  {
    workspaceId: text('workspace_id').notNull(),
    /** The slug journeys and conditions name the segment by; never renamed (the name may change). */
    id: text('id').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** A condition of the journey condition language (see @tend/journey conditions). */
    definition: jsonb('definition').$type<unknown>().notNull(),
    /** When membership was last recomputed in full, and how many were in it then. */
    computedAt: timestamp('computed_at', { withTimezone: true }),
    size: integer('size'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.id] })],
);

/** Each contact's RFM scores (1–5 each) and named group, from the last computation. */
export const rfmScores = pgTable(
  'rfm_scores',
  {
    workspaceId: text('workspace_id').notNull(),
    contactId: text('contact_id').notNull(),
    /** Days from the last purchase to the computation's reference time. */
    recencyDays: integer('recency_days').notNull(),
    frequency: integer('frequency').notNull(),
    monetary: doublePrecision('monetary').notNull(),
    r: smallint('r').notNull(),
    f: smallint('f').notNull(),
    m: smallint('m').notNull(),
    group: text('group').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.contactId] }), index('rfm_scores_group').on(table.workspaceId, table.group)],
);

/** Per-workspace audience settings: how RFM is computed (window, event, money property). */
export const audienceSettings = pgTable('audience_settings', {
  workspaceId: text('workspace_id').primaryKey(),
  rfm: jsonb('rfm').$type<Record<string, unknown>>().notNull().default({}),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The lifetime-value models fitted for a workspace (BG/NBD and Gamma-Gamma parameters). */
export const lifetimeValueModels = pgTable('lifetime_value_models', {
  workspaceId: text('workspace_id').primaryKey(),
  purchases: jsonb('purchases').$type<Record<string, unknown>>().notNull(),
  spend: jsonb('spend').$type<Record<string, unknown>>(),
  customers: integer('customers').notNull(),
  horizonDays: integer('horizon_days').notNull(),
  fittedAt: timestamp('fitted_at', { withTimezone: true }).notNull(),
});

/** Each contact's predicted value from the workspace's fitted models. */
export const lifetimeValues = pgTable(
  'lifetime_values',
  {
    workspaceId: text('workspace_id').notNull(),
    contactId: text('contact_id').notNull(),
    probabilityAlive: doublePrecision('probability_alive').notNull(),
    expectedPurchases: doublePrecision('expected_purchases').notNull(),
    expectedSpend: doublePrecision('expected_spend').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.contactId] })],
);

/** Two profiles found to be one person: `from` was merged into `into` (kept for the contact page). */
export const identityMerges = pgTable(
  'identity_merges',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    fromContactId: text('from_contact_id').notNull(),
    intoContactId: text('into_contact_id').notNull(),
    /** identify, track or alias: the call that showed both identities. */
    via: text('via').notNull(),
    messageId: text('message_id'),
    /** What moved: counts of events, list memberships, journeys ended. */
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    mergedAt: timestamp('merged_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('identity_merges_into').on(table.workspaceId, table.intoContactId)],
);

/** A contact erased on request: what was removed, with no personal data left. */
export const erasures = pgTable('erasures', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  /** Who asked (a user id or API token id), never whom. */
  requestedBy: text('requested_by'),
  counts: jsonb('counts').$type<Record<string, number>>().notNull(),
  erasedAt: timestamp('erased_at', { withTimezone: true }).notNull().defaultNow(),
});
