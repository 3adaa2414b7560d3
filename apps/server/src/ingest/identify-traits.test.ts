// The traits the engine reads (timezone, locale) are checked on the way in, through the HTTP API.
import { contacts, eq, ingestionErrors, type DatabaseHandle } from '@tend/db';
import { openTestDatabase, seedWorkspace } from '@tend/db/testing';
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../app.js';

let database: DatabaseHandle;
let app: FastifyInstance;
const auth = `Basic ${Buffer.from('wk-traits:').toString('base64')}`;

beforeAll(async () => {
  database = await openTestDatabase('pglite');
  await seedWorkspace(database.db, { id: 'traits', writeKey: 'wk-traits' });
  // Temporal is never reached: storing answers before routing.
  app = await buildServer({ db: database.db, temporal: {} as Client, health: async () => ({ ok: true, components: {} as never }) });
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const post = (path: string, payload: object) => app.inject({ method: 'POST', url: `/v1/${path}`, headers: { authorization: auth, 'content-type': 'application/json' }, payload });
const contact = async (userId: string) => (await database.db.select().from(contacts).where(eq(contacts.userId, userId)))[0];

describe('identify traits timezone and locale', () => {
  it('stores a known IANA zone and a BCP 47 locale', async () => {
    const response = await post('identify', { userId: 'tz-ok', traits: { timezone: 'Europe/Paris', locale: 'fr-FR' } });
    expect(response.statusCode, response.body).toBe(200);
    expect((await contact('tz-ok'))?.traits).toEqual({ timezone: 'Europe/Paris', locale: 'fr-FR' });
  });

  it('refuses an unknown zone with a 400 naming traits.timezone, storing nothing', async () => {
    const response = await post('identify', { userId: 'tz-bad', traits: { timezone: 'Mars/Olympus_Mons' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'invalid_event',
      issues: [{ field: 'traits.timezone', message: 'unknown time zone "Mars/Olympus_Mons": use an IANA zone, e.g. "Europe/Paris"' }],
    });
    expect(await contact('tz-bad')).toBeUndefined();
  });

  it('refuses a locale that is not a language tag with a 400 naming traits.locale', async () => {
    const response = await post('identify', { userId: 'loc-bad', traits: { locale: 'en_GB' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().issues).toEqual([{ field: 'traits.locale', message: 'invalid locale "en_GB": use a BCP 47 language tag, e.g. "en-GB"' }]);
  });

  it('in a batch, rejects only the item with the bad zone, named by its place', async () => {
    const response = await post('batch', {
      batch: [
        { type: 'identify', userId: 'batch-ok', traits: { timezone: 'America/New_York' } },
        { type: 'identify', userId: 'batch-bad', messageId: 'bad-zone', traits: { timezone: 42 } },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ accepted: 1, rejected: [{ index: 1, field: 'batch.1.traits.timezone' }] });
    expect((await contact('batch-ok'))?.traits).toEqual({ timezone: 'America/New_York' });
    expect(await contact('batch-bad')).toBeUndefined();
    const [refused] = await database.db.select().from(ingestionErrors).where(eq(ingestionErrors.messageId, 'bad-zone'));
    expect(refused).toMatchObject({ field: 'batch.1.traits.timezone' });
  });

  it('lets a null zone through (the contact has none) and leaves other calls\' traits alone', async () => {
    expect((await post('identify', { userId: 'tz-null', traits: { timezone: null } })).statusCode).toBe(200);
    expect((await post('group', { userId: 'tz-null', groupId: 'acme', traits: { timezone: 'not a zone' } })).statusCode).toBe(200);
  });
});
