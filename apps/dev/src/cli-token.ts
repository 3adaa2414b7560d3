import { readToken, saveToken } from '@tend/config';
import type { Database } from '@tend/db';
import { createApiToken, devWorkspaceId, principalForApiToken } from '@tend/server';

/**
 * Signs this machine's `tend` CLI in to the dev server, so `npx tend publish` works right after
 * `npm start`: a token kept in the CLI's credentials file is reused while the server still
 * knows it; otherwise a new one (admin of the dev workspace) is made and saved.
 */
export async function ensureCliToken(db: Database, url: string, configDir: string): Promise<void> {
  const kept = readToken(configDir, url);
  const known = kept ? await principalForApiToken(db, kept) : null;
  if (known?.workspaceId === devWorkspaceId) return;
  const { token } = await createApiToken(db, { workspaceId: devWorkspaceId, name: 'npm start: tend CLI on this machine', role: 'admin', createdBy: 'system' });
  saveToken(configDir, url, token);
}
