import { and, eq } from 'drizzle-orm';
import { journeys, journeyVersions } from './schema/journeys.js';

/**
 * Joins a journey to its live version (the one new contacts enter): every query that needs
 * "the journey as published now" uses this one condition.
 *
 * @example
 * db.select().from(journeys).innerJoin(journeyVersions, isLiveVersion)
 */
export const isLiveVersion = and(
  eq(journeyVersions.workspaceId, journeys.workspaceId),
  eq(journeyVersions.journeyId, journeys.id),
  eq(journeyVersions.version, journeys.liveVersion),
)!;
