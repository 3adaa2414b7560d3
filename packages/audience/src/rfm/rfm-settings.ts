import { audienceSettings, eq, sql, type Database } from '@tend/db';
import { z } from 'zod';

/**
 * How a workspace's RFM is computed, stored in `audience_settings.rfm`. The same event and money
 * property feed the predicted lifetime value, so "a purchase" means one thing in both.
 */
export const rfmSettingsSchema = z
  .object({
    /** Only purchases in the last `windowDays` days (before the reference time) count. */
    windowDays: z.number().int().min(1).max(3_650).default(365),
    /** The event that is a purchase, as journeys name it. */
    event: z.string().trim().min(1).max(200).default('Order Completed'),
    /** The purchase event's property holding its value; values that are not JSON numbers are left out. */
    moneyProperty: z.string().trim().min(1).max(200).default('revenue'),
  })
  .strict();

export type RfmSettings = z.output<typeof rfmSettingsSchema>;
export type RfmSettingsInput = z.input<typeof rfmSettingsSchema>;

export const defaultRfmSettings: RfmSettings = rfmSettingsSchema.parse({});

/** The workspace's RFM settings, each field its default until it is saved. */
export async function readRfmSettings(db: Database, workspaceId: string): Promise<RfmSettings> {
  return rfmSettingsSchema.parse(await storedRfmSettings(db, workspaceId));
}

/**
 * Validates and saves RFM settings; fields left out keep their saved value (or default). An
 * invalid value throws zod's error, which names the field, and saves nothing.
 */
export async function saveRfmSettings(db: Database, workspaceId: string, changes: RfmSettingsInput): Promise<RfmSettings> {
  const settings = rfmSettingsSchema.parse({ ...(await storedRfmSettings(db, workspaceId)), ...changes });
  await db
    .insert(audienceSettings)
    .values({ workspaceId, rfm: settings })
    .onConflictDoUpdate({ target: audienceSettings.workspaceId, set: { rfm: settings, updatedAt: sql`now()` } });
  return settings;
}

async function storedRfmSettings(db: Database, workspaceId: string): Promise<Record<string, unknown>> {
  const [row] = await db.select({ rfm: audienceSettings.rfm }).from(audienceSettings).where(eq(audienceSettings.workspaceId, workspaceId));
  return row?.rfm ?? {};
}
