import { appliedActions, contacts, eq } from '@tend/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeHarness, type NodeHarness } from '../testing/node-harness.js';
import { updateProfile } from './update-profile.js';

describe('update-profile', () => {
  let harness: NodeHarness;

  beforeAll(async () => {
    harness = await startNodeHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function profile(contactId: string) {
    const [row] = await harness.db.select({ email: contacts.email, traits: contacts.traits }).from(contacts).where(eq(contacts.id, contactId));
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
    const ada = await harness.contact({ id: 'ada', traits: { firstName: 'Ada', visits: 2, plan: 'free', trialEndsAt: '2026-12-01' } });
    const context = harness.context(ada);

    expect(await harness.run(updateProfile, context, config)).toEqual({ output: 'next' });

    expect((await profile(ada))?.traits).toEqual({
      firstName: 'Ada',
      plan: 'pro',
      visits: 3,
      greeting: 'Hi Ada',
      signedUpFor: 'pro',
      tags: ['vip'],
      consent: { sms: true },
    });
    const [applied] = await harness.db.select().from(appliedActions).where(eq(appliedActions.idempotencyKey, context.idempotencyKey));
    expect(applied).toMatchObject({ type: 'update-profile', contactId: ada, nodeId: 'step', effect: { set: expect.objectContaining({ visits: 3 }), unset: ['trialEndsAt'] } });
  });

  it('changes nothing when a retried activity runs the same visit again, and counts the next visit', async () => {
    const grace = await harness.contact({ id: 'grace', traits: { firstName: 'Grace', visits: 0 } });
    const visit = harness.context(grace);

    await harness.run(updateProfile, visit, config);
    await harness.run(updateProfile, visit, config);
    expect((await profile(grace))?.traits.visits).toBe(1);

    await harness.run(updateProfile, harness.context(grace), config);
    expect((await profile(grace))?.traits.visits).toBe(2);
  });

  it('counts once when two attempts of the same visit run at once', async () => {
    const kim = await harness.contact({ id: 'kim', traits: { visits: 10 } });
    const visit = harness.context(kim);

    await Promise.all([harness.run(updateProfile, visit, config), harness.run(updateProfile, visit, config)]);

    expect((await profile(kim))?.traits.visits).toBe(11);
  });

  it('keeps the email column in step with the email trait, as ingestion does', async () => {
    const linus = await harness.contact({ id: 'linus', email: 'old@example.com', traits: { email: 'old@example.com' } });

    await harness.run(updateProfile, harness.context(linus), { set: { email: '{{ contact.firstName | default: "linus" }}@new.example' } });
    expect(await profile(linus)).toMatchObject({ email: 'linus@new.example', traits: { email: 'linus@new.example' } });

    await harness.run(updateProfile, harness.context(linus), { set: {}, unset: ['email'] });
    expect(await profile(linus)).toEqual({ email: null, traits: {} });
  });

  it('does nothing for a contact that no longer exists', async () => {
    await expect(harness.run(updateProfile, harness.context('ct_gone'), config)).resolves.toEqual({ output: 'next' });
  });
});
