import { appliedActions, contacts, eq, type Database, type DatabaseHandle } from '@tend/db';
import { insertContact, openTestDatabase, seedWorkspace, testWorkspaceId } from '@tend/db/testing';
import { runNode } from '@tend/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateProfile } from './update-profile.js';

describe('update-profile', () => {
  let database: DatabaseHandle;
  let db: Database;

  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.db;
    await seedWorkspace(db);
  });
  afterAll(async () => {
    await database?.close();
  });

  /** The contact's nth visit to the step, in a journey they entered by signing up for the pro plan. */
  const visit = (contactId: string, n = 1) => ({
    workspaceId: testWorkspaceId,
    contactId,
    nodeId: 'step',
    idempotencyKey: `${contactId}/visit-${n}`,
    entryEvent: { name: 'Signed Up', properties: { plan: 'pro' } },
  });

  async function profile(contactId: string) {
    const [row] = await db.select({ email: contacts.email, traits: contacts.traits }).from(contacts).where(eq(contacts.id, contactId));
    return row;
  }

  const config = {
    set: {
      plan: 'pro',
      visits: '{{ contact.visits | plus: 1 }}',
      greeting: 'Hi {{ contact.firstName }}',
      signedUpFor: '{{ event.properties.plan }}',
      tags: ['vip'],
      consent: { sms: true },
    },
    unset: ['trialEndsAt'],
  };

  it('merges rendered and literal values into the traits, removes unset ones and keeps the rest', async () => {
    const ada = await insertContact(db, { id: 'ada', traits: { firstName: 'Ada', visits: 2, plan: 'free', trialEndsAt: '2026-12-01' } });
    const context = visit(ada);

    expect(await runNode(updateProfile, { config, deps: { db }, context })).toEqual({ ok: true, output: 'next' });

    expect((await profile(ada))?.traits).toEqual({
      firstName: 'Ada',
      plan: 'pro',
      visits: 3,
      greeting: 'Hi Ada',
      signedUpFor: 'pro',
      tags: ['vip'],
      consent: { sms: true },
    });
    const [applied] = await db.select().from(appliedActions).where(eq(appliedActions.idempotencyKey, context.idempotencyKey));
    expect(applied).toMatchObject({ type: 'update-profile', contactId: ada, nodeId: 'step', effect: { set: expect.objectContaining({ visits: 3 }), unset: ['trialEndsAt'] } });
  });

  it('changes nothing when a retried activity runs the same visit again, and counts the next visit', async () => {
    const grace = await insertContact(db, { id: 'grace', traits: { firstName: 'Grace', visits: 0 } });

    await runNode(updateProfile, { config, deps: { db }, context: visit(grace) });
    await runNode(updateProfile, { config, deps: { db }, context: visit(grace) });
    expect((await profile(grace))?.traits.visits).toBe(1);

    await runNode(updateProfile, { config, deps: { db }, context: visit(grace, 2) });
    expect((await profile(grace))?.traits.visits).toBe(2);
  });

  it('counts once when two attempts of the same visit run at once', async () => {
    const kim = await insertContact(db, { id: 'kim', traits: { visits: 10 } });
    const attempt = () => runNode(updateProfile, { config, deps: { db }, context: visit(kim) });

    await Promise.all([attempt(), attempt()]);

    expect((await profile(kim))?.traits.visits).toBe(11);
  });

  it('keeps the email column in step with the email trait, as ingestion does', async () => {
    const linus = await insertContact(db, { id: 'linus', email: 'old@example.com', traits: { email: 'old@example.com' } });

    await runNode(updateProfile, { config: { set: { email: '{{ contact.firstName | default: "linus" }}@new.example' } }, deps: { db }, context: visit(linus) });
    expect(await profile(linus)).toMatchObject({ email: 'linus@new.example', traits: { email: 'linus@new.example' } });

    await runNode(updateProfile, { config: { set: {}, unset: ['email'] }, deps: { db }, context: visit(linus, 2) });
    expect(await profile(linus)).toEqual({ email: null, traits: {} });
  });

  it('does nothing for a contact that no longer exists', async () => {
    await expect(runNode(updateProfile, { config, deps: { db }, context: visit('ct_gone') })).resolves.toEqual({ ok: true, output: 'next' });
  });
});
