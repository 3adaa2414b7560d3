import { guardedFetch, workspacePushTransports, type PushTarget } from '@tend/channels';
import { startPushServicePeer, type PushServicePeer } from '@tend/channels/testing';
import { eq, messages, newId, pushSubscriptions, sql, workspaces, type Database, type DatabaseHandle } from '@tend/db';
import { insertContact, openTestDatabase, seedWorkspace, testWorkspaceId } from '@tend/db/testing';
import { runNode } from '@tend/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendPush } from './send-push.js';

describe('send-push', () => {
  let database: DatabaseHandle;
  let db: Database;
  let service: PushServicePeer;
  // The push service peer listens on loopback, an internal address: reached by allowlisting it.
  const allowLoopback = guardedFetch({ allow: ['127.0.0.1'] });
  // As the worker has it: one per process, each workspace's keys read once.
  let push: ReturnType<typeof workspacePushTransports>;
  const withVapid = () => ({ db, push, fetch: allowLoopback });
  const config = { title: 'Hi {{ contact.firstName }}', body: 'Your {{ event.properties.plan }} plan is ready.', url: 'https://shop.example/welcome?plan={{ event.properties.plan }}' };

  beforeAll(async () => {
    [database, service] = await Promise.all([openTestDatabase(), startPushServicePeer()]);
    db = database.db;
    push = workspacePushTransports(db, { fetch: allowLoopback });
    // Made without keys, as a workspace from before web push: it gets them on its first push.
    await seedWorkspace(db);
  });
  afterAll(async () => {
    await service?.stop();
    await database?.close();
  });

  /** The contact's visit to the push step, in a journey they entered by signing up for the pro plan. */
  const visit = (contactId: string) => ({
    workspaceId: testWorkspaceId,
    contactId,
    idempotencyKey: `${contactId}/visit-1`,
    entryEvent: { name: 'Signed Up', properties: { plan: 'pro' } },
  });

  /** A browser of the contact allowing notifications, as the site's subscribe endpoint stores it. */
  async function subscribe(contactId: string): Promise<PushTarget & { id: string }> {
    const target = service.subscribe();
    const id = newId('ps');
    await db.insert(pushSubscriptions).values({ id, contactId, endpoint: target.endpoint, p256dh: target.keys.p256dh, auth: target.keys.auth });
    return { ...target, id };
  }

  async function ledgerRows(idempotencyKey: string) {
    return db.select().from(messages).where(sql`${messages.idempotencyKey} like ${`${idempotencyKey}%`}`);
  }

  it('delivers the notification to each of the contact\'s browsers once per idempotency key, as the service worker reads it', async () => {
    const ada = await insertContact(db, { id: 'ada', traits: { firstName: 'Ada' } });
    const [laptop, phone] = [await subscribe(ada), await subscribe(ada)];
    const context = visit(ada);
    const before = service.received.length;

    expect(await runNode(sendPush, { config, deps: withVapid(), context })).toEqual({ ok: true, output: 'next', outcome: 'sent' });
    expect(await runNode(sendPush, { config, deps: withVapid(), context })).toEqual({ ok: true, output: 'next', outcome: 'sent' });

    const pushes = service.received.slice(before);
    expect(service.rejected).toEqual([]);
    expect(pushes.map((received) => received.endpoint).sort()).toEqual([laptop.endpoint, phone.endpoint].sort());
    for (const received of pushes) {
      expect(received.json).toEqual({
        title: 'Hi Ada',
        body: 'Your pro plan is ready.',
        url: 'https://shop.example/welcome?plan=pro',
        tag: expect.stringMatching(/^[\w-]{32}$/),
      });
      // Signed as the workspace: its own key, and its sender address as the contact.
      expect(received.vapid).toMatchObject({ publicKey: await workspaceKey(testWorkspaceId), subject: 'mailto:hello@shop.example', audience: service.origin });
      expect(received.topic).toBe((received.json as { tag: string }).tag);
      expect(received.ttl).toBeGreaterThan(0);
    }
    const rows = await ledgerRows(context.idempotencyKey);
    expect(rows.map((row) => row.idempotencyKey).sort()).toEqual([`${context.idempotencyKey}/push/${laptop.id}`, `${context.idempotencyKey}/push/${phone.id}`].sort());
    for (const row of rows) expect(row).toMatchObject({ channel: 'push', status: 'sent', subject: 'Hi Ada', body: 'Your pro plan is ready.', attempts: 1 });
  });

  it('skips a contact with no push subscription and records why', async () => {
    const grace = await insertContact(db, { id: 'grace', traits: { firstName: 'Grace' } });
    const context = visit(grace);
    const before = service.received.length;

    await runNode(sendPush, { config, deps: withVapid(), context });
    await runNode(sendPush, { config, deps: withVapid(), context });

    expect(service.received.length).toBe(before);
    expect(await ledgerRows(context.idempotencyKey)).toMatchObject([{ channel: 'push', status: 'skipped', reason: 'the contact has no push subscription' }]);
  });

  it('deletes a subscription the push service answers 410 for, and still reaches the other browsers', async () => {
    const linus = await insertContact(db, { id: 'linus', traits: { firstName: 'Linus' } });
    const [stale, fresh] = [await subscribe(linus), await subscribe(linus)];
    service.unsubscribe(stale.endpoint);
    const context = visit(linus);
    const before = service.received.length;

    expect(await runNode(sendPush, { config, deps: withVapid(), context })).toEqual({ ok: true, output: 'next', outcome: 'sent' });

    expect(service.received.slice(before).map((received) => received.endpoint)).toEqual([fresh.endpoint]);
    const left = await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.contactId, linus));
    expect(left.map((subscription) => subscription.id)).toEqual([fresh.id]);
    const [row] = await db.select().from(messages).where(eq(messages.idempotencyKey, `${context.idempotencyKey}/push/${stale.id}`));
    expect(row).toMatchObject({ status: 'failed', reason: expect.stringContaining('HTTP 410') });
  });

  it('throws when the push service fails, and the retry pushes only to the browsers still owed', async () => {
    const kim = await insertContact(db, { id: 'kim', traits: { firstName: 'Kim' } });
    await subscribe(kim);
    await subscribe(kim);
    const context = visit(kim);
    const before = service.received.length;
    service.reply({ status: 500, text: 'overloaded' });

    await expect(runNode(sendPush, { config, deps: withVapid(), context })).rejects.toThrow(/push failed for 1 of 2 subscriptions.*HTTP 500: overloaded/);
    expect(service.received.length).toBe(before + 1);

    await runNode(sendPush, { config, deps: withVapid(), context });
    await runNode(sendPush, { config, deps: withVapid(), context });

    const endpoints = service.received.slice(before).map((received) => received.endpoint);
    expect(endpoints).toHaveLength(2);
    expect(new Set(endpoints).size).toBe(2);
    const rows = await ledgerRows(context.idempotencyKey);
    expect(rows.map((row) => [row.status, row.attempts]).sort()).toEqual([['sent', 1], ['sent', 2]]);
  });

  it('fails for good a subscription whose endpoint is an internal address, and records why', async () => {
    const mallory = await insertContact(db, { id: 'mallory', traits: { firstName: 'Mallory' } });
    const inward = await subscribe(mallory);
    const context = visit(mallory);
    const before = service.received.length;

    // No fetch in deps: the default refuses every internal address, as for any endpoint a browser handed over.
    expect(await runNode(sendPush, { config, deps: { db }, context })).toEqual({ ok: true, output: 'next', outcome: 'skipped' });

    expect(service.received.length).toBe(before);
    const [row] = await db.select().from(messages).where(eq(messages.idempotencyKey, `${context.idempotencyKey}/push/${inward.id}`));
    expect(row).toMatchObject({
      status: 'failed',
      reason: 'the push service refused: 127.0.0.1 is a loopback address (allow it with TEND_FETCH_ALLOW)',
      attempts: 1,
    });
  });

  it("signs with each workspace's own keys, made on its first push and kept", async () => {
    const other = await seedWorkspace(db, { id: 'ws-other', writeKey: 'wk-other', emailFrom: 'Other Shop <news@other.example>' });
    const ines = await insertContact(db, { id: 'ines', workspaceId: other, traits: { firstName: 'Inès' } });
    await subscribe(ines);
    expect(await workspaceKey(other)).toBeNull();
    const before = service.received.length;

    expect(await runNode(sendPush, { config, deps: withVapid(), context: { ...visit(ines), workspaceId: other } })).toMatchObject({ outcome: 'sent' });
    const key = await workspaceKey(other);
    expect(key).toMatch(/^[\w-]{87}$/);
    expect(key).not.toBe(await workspaceKey(testWorkspaceId));
    // A later push, by a worker with no cache, signs with the same key: it is never replaced.
    await runNode(sendPush, { config, deps: { db, fetch: allowLoopback }, context: { ...visit(ines), workspaceId: other, idempotencyKey: `${ines}/visit-2` } });
    expect(service.received.slice(before).map((received) => received.vapid)).toEqual([
      expect.objectContaining({ publicKey: key, subject: 'mailto:news@other.example' }),
      expect.objectContaining({ publicKey: key, subject: 'mailto:news@other.example' }),
    ]);
  });

  async function workspaceKey(id: string): Promise<string | null> {
    const [row] = await db.select({ key: workspaces.vapidPublicKey }).from(workspaces).where(eq(workspaces.id, id));
    return row!.key;
  }
});
