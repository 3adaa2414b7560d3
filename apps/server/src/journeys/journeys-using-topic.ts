import { and, eq, isLiveVersion, journeys, journeyVersions, ne, sql, type Database } from '@tend/db';

/**
 * The journeys whose live version sends under a subscription topic (a message node's `topic`),
 * archived ones aside: removing the topic would leave them sending under a name no contact can
 * unsubscribe from on the preference page.
 */
export async function journeysUsingTopic(db: Database, workspaceId: string, topic: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: journeys.id, name: journeys.name })
    .from(journeys)
    .innerJoin(journeyVersions, isLiveVersion)
    .where(
      and(
        eq(journeys.workspaceId, workspaceId),
        ne(journeys.status, 'archived'),
        sql`jsonb_path_exists(${journeyVersions.ir}, '$.nodes.*.config.topic ? (@ == $topic)', jsonb_build_object('topic', ${topic}::text))`,
      ),
    )
    .orderBy(journeys.name);
}
