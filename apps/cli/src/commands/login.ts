import { saveToken } from '@tend/config';
import { apiClient, explainApiError } from '../api-client.js';

/** Checks the token against the server, then keeps it for that server's address. */
export async function loginCommand(options: { url: string; token: string; configDir: string }): Promise<number> {
  const workspace = await apiClient(options.url, options.token)
    .system.workspace.query()
    .catch((error: unknown) => {
      throw explainApiError(error, options.url);
    });
  const file = saveToken(options.configDir, options.url, options.token);
  console.log(`✓ signed in to ${new URL(options.url).origin} as a ${workspace.role} of workspace "${workspace.name}" (token kept in ${file})`);
  return 0;
}

export function logoutCommand(options: { url: string; configDir: string }): number {
  const file = saveToken(options.configDir, options.url, null);
  console.log(`✓ forgot the token for ${new URL(options.url).origin} (${file})`);
  return 0;
}
