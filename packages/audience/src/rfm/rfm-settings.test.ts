import { audienceSettings, eq } from '@tend/db';
import { describe, expect } from 'vitest';
import { ZodError } from 'zod';
import { readRfmSettings, saveRfmSettings } from './rfm-settings.js';
import { databaseTest } from '../testing/database-test.js';

const test = databaseTest();

describe('RFM settings', () => {
  test('are the defaults until saved: 365 days of Order Completed, by revenue', async ({ db, workspaceId }) => {
    expect(await readRfmSettings(db, workspaceId)).toEqual({ windowDays: 365, event: 'Order Completed', moneyProperty: 'revenue' });
  });

  test('keep the fields a save leaves out', async ({ db, workspaceId }) => {
    await saveRfmSettings(db, workspaceId, { windowDays: 90 });
    const saved = await saveRfmSettings(db, workspaceId, { moneyProperty: 'total' });
    expect(saved).toEqual({ windowDays: 90, event: 'Order Completed', moneyProperty: 'total' });
    expect(await readRfmSettings(db, workspaceId)).toEqual(saved);
  });

  test('refuse an invalid value, naming the field, and save nothing', async ({ db, workspaceId }) => {
    for (const [input, field] of [
      [{ windowDays: 0 }, 'windowDays'],
      [{ windowDays: 30.5 }, 'windowDays'],
      [{ event: '  ' }, 'event'],
      [{ moneyProperty: '' }, 'moneyProperty'],
      [{ window: 30 }, ''],
    ] as const) {
      const error = await saveRfmSettings(db, workspaceId, input as never).catch((caught: unknown) => caught);
      expect(error, JSON.stringify(input)).toBeInstanceOf(ZodError);
      expect((error as ZodError).issues[0]!.path.join('.'), JSON.stringify(input)).toBe(field);
    }
    expect(await db.select().from(audienceSettings).where(eq(audienceSettings.workspaceId, workspaceId))).toEqual([]);
  });
});
