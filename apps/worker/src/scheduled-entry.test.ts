import { contacts, eq, messages, type DatabaseHandle } from '@tend/db';
import { insertContact, openTestDatabase, seedWorkspace, testWorkspaceId } from '@tend/db/testing';
import { compileJourney } from '@tend/journey';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryStart } from './scheduled-entry.js';

/** Every Monday, a digest again for those who clicked the last one. */
const weeklyDigest = {
  id: 'weekly-digest',
  name: 'Weekly digest',
  settings: { reentry: 'once-at-a-time' },
  nodes: [
    { id: 'monday', type: 'trigger.schedule', data: { cron: '0 9 * * 1', condition: { kind: 'engagement', nodeId: 'digest', action: 'clicked' } } },
    { id: 'digest', type: 'send-email', data: { subject: 'This week', html: '<p>News</p>' } },
    { id: 'done', type: 'exit' },
  ],
  edges: [
    { id: 'a', source: 'monday', target: 'digest' },
    { id: 'b', source: 'digest', target: 'done' },
  ],
};

describe('which contacts a schedule trigger enters', () => {
  let database: DatabaseHandle;

  beforeAll(async () => {
    database = await openTestDatabase();
    await seedWorkspace(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  /** A digest email the contact got from a journey's node, clicked or not. */
  async function received(contactId: string, journeyId: string, nodeId: string, clicked: boolean) {
    await database.db.insert(messages).values({
      idempotencyKey: `${journeyId}/${contactId}/${nodeId}`,
      workspaceId: testWorkspaceId,
      contactId,
      journeyId,
      nodeId,
      channel: 'email',
      recipient: `${contactId}@example.com`,
      status: 'sent',
      clickedAt: clicked ? new Date() : null,
    });
  }

  // The sweep used to read engagement for journey "" (none): nobody had clicked anything, so this condition never held.
  it('matches "clicked the digest" against the digests this journey sent, not against no journey', async () => {
    const compiled = compileJourney(weeklyDigest);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    const journey = { journeyId: weeklyDigest.id, version: 1, ir: compiled.ir };
    const [trigger] = compiled.ir.triggers;
    if (trigger?.kind !== 'schedule') throw new Error('the journey starts with its schedule trigger');

    const clicker = await insertContact(database.db, { id: 'clicker' });
    const clickedElsewhere = await insertContact(database.db, { id: 'clicked-elsewhere' });
    const ignored = await insertContact(database.db, { id: 'ignored' });
    await received(clicker, weeklyDigest.id, 'digest', true);
    await received(clickedElsewhere, 'other-journey', 'digest', true);
    await received(ignored, weeklyDigest.id, 'digest', false);

    const now = Date.now();
    const starts: Record<string, number | null> = {};
    for (const id of [clicker, clickedElsewhere, ignored]) {
      const [contact] = await database.db.select().from(contacts).where(eq(contacts.id, id));
      starts[id] = await entryStart(database.db, journey, trigger, contact!, now);
    }
    expect(starts).toEqual({ clicker: now, 'clicked-elsewhere': null, ignored: null });
  });
});
