import { randomBytes } from 'node:crypto';
import { eq, workspaces, type Database } from '@tend/db';

export const devWorkspaceId = 'dev';

export interface Workspace {
  id: string;
  name: string;
  writeKey: string;
  emailFrom: string;
}

/**
 * Creates the dev workspace on first start. TEND_WRITE_KEY, when given, becomes (or replaces)
 * its write key, so scripts and CI know the key in advance.
 */
export async function ensureDevWorkspace(db: Database, writeKey?: string): Promise<Workspace> {
  const [existing] = await db.select().from(workspaces).where(eq(workspaces.id, devWorkspaceId));
  if (existing && (!writeKey || existing.writeKey === writeKey)) return existing;
  if (existing) {
    const [updated] = await db.update(workspaces).set({ writeKey }).where(eq(workspaces.id, devWorkspaceId)).returning();
    return updated!;
  }
  const [created] = await db
    .insert(workspaces)
    .values({
      id: devWorkspaceId,
      name: 'Development',
      writeKey: writeKey ?? `wk_${randomBytes(18).toString('base64url')}`,
      emailFrom: 'Tend <hello@tend.local>',
    })
    .returning();
  return created!;
}
