import { and, eq, isNull, journeys, messages, or, sql } from '@tend/db';
import type { Channel } from '../ledger.js';
import { defaultJourneyPriority } from '@tend/journey';

/**
 * The ledger's rows as the policy counts them, shared by the caps and the priority queue.
 *
 * A web push reaches each browser under its own row (`<key>/push/<subscription>`); `message` is
 * the row's key without the browser, so a push counts once.
 */
export const message = sql<string>`regexp_replace(${messages.idempotencyKey}, '/push/.*$', '')`;

/** A push's per-browser row key without the browser, as `message` reads it in SQL. */
export function baseKey(idempotencyKey: string): string {
  return idempotencyKey.replace(/\/push\/.*$/, '');
}

/** Marketing the contact gets from journeys: not a test send, not transactional (no purpose: from before purposes, marketing). */
export const countsAsMarketing = and(eq(messages.test, false), or(eq(messages.purpose, 'marketing'), isNull(messages.purpose)));

/** A row's priority: its journey's when it was claimed or deferred; rows from before priorities rank as the default. */
export const rank = sql<number>`coalesce(${messages.priority}, ${defaultJourneyPriority})`;

/** When the row of the send being checked was written (a retry), else now: its place in line among equals. */
export function writtenAt(idempotencyKey: string) {
  return sql`coalesce((select own.created_at from messages own where own.idempotency_key = ${idempotencyKey}), now())`;
}

/** The contact's rows on one channel: what both the caps and the priority queue read (index contact, channel). */
export function toContactOn(query: { workspaceId: string; contactId: string; channel: Channel }) {
  return and(eq(messages.workspaceId, query.workspaceId), eq(messages.contactId, query.contactId), eq(messages.channel, query.channel));
}

/** Joins a row to its journey, for the journey's name (null once the journey is gone). */
export const journeyOfMessage = and(eq(journeys.workspaceId, messages.workspaceId), eq(journeys.id, messages.journeyId));
