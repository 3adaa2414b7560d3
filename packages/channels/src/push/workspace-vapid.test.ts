import { eq, workspaces, type DatabaseHandle } from '@tend/db';
import { openTestDatabase, seedWorkspace } from '@tend/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureVapidKeys, vapidSubject, workspaceVapid } from './workspace-vapid.js';

describe('per-workspace VAPID keys', () => {
  let database: DatabaseHandle;

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  const keysOf = async (id: string) => {
    const [row] = await database.db.select({ publicKey: workspaces.vapidPublicKey, privateKey: workspaces.vapidPrivateKey }).from(workspaces).where(eq(workspaces.id, id));
    return row!;
  };

  it('gives each workspace without keys its own pair, once, even when two servers start together', async () => {
    const [a, b] = [await seedWorkspace(database.db, { id: 'a' }), await seedWorkspace(database.db, { id: 'b' })];

    const given = await Promise.all([ensureVapidKeys(database.db), ensureVapidKeys(database.db)]);

    expect(given[0] + given[1]).toBe(2);
    const [keysA, keysB] = [await keysOf(a), await keysOf(b)];
    // An uncompressed P-256 point and a 32-byte scalar, base64url.
    expect(Buffer.from(keysA.publicKey!, 'base64url')).toHaveLength(65);
    expect(Buffer.from(keysA.privateKey!, 'base64url')).toHaveLength(32);
    expect(keysA.publicKey).not.toBe(keysB.publicKey);

    expect(await ensureVapidKeys(database.db)).toBe(0);
    expect(await keysOf(a)).toEqual(keysA);
  });

  it('signs as the workspace: its keys, made on first use, and its sender address as the contact', async () => {
    const id = await seedWorkspace(database.db, { id: 'c', emailFrom: 'Corner Shop <news@corner.example>' });

    const vapid = await workspaceVapid(database.db, id);

    expect(vapid).toEqual({ ...(await keysOf(id)), subject: 'mailto:news@corner.example' });
    expect(await workspaceVapid(database.db, id)).toEqual(vapid);
  });

  it("takes the sender's address, else the server's https address, else says what to set", () => {
    expect(vapidSubject('Shop <hello@shop.example>')).toBe('mailto:hello@shop.example');
    expect(vapidSubject('hello@shop.example')).toBe('mailto:hello@shop.example');
    expect(vapidSubject('Shop', 'https://tend.shop.example/')).toBe('https://tend.shop.example');
    expect(() => vapidSubject('Shop', 'http://127.0.0.1:3000')).toThrow(/give the workspace a sender address \(now "Shop"\) or set TEND_PUBLIC_URL to an https address/);
  });
});
