import type { EmailTransport, SmsTransport, WorkspacePushTransports } from '@tend/channels';
import type { Database } from '@tend/db';

/**
 * What built-in action nodes may use; each node takes the part it needs. Custom nodes get these
 * too, plus their own. Its own file so the nodes and the registry that lists them do not import each other.
 */
export interface NodeDeps {
  db: Database;
  email: EmailTransport;
  /** The SMS provider; without it send-sms fails, naming SMS_URL. */
  sms?: SmsTransport;
  /**
   * Web push, signed with each workspace's own VAPID keys (read once and cached). When absent,
   * send-push builds one from `db`, `fetch` and `publicUrl`; createActivities builds it once.
   */
  push?: WorkspacePushTransports;
  /** The server's public address (TEND_PUBLIC_URL): email links and the open pixel point there. No tracking when absent. */
  publicUrl?: string;
  /**
   * HTTP to URLs users supplied (webhooks, push endpoints): a guardedFetch carrying TEND_FETCH_ALLOW.
   * When absent, one that refuses every internal address.
   */
  fetch?: typeof fetch;
}
