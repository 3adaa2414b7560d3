import type { EmailTransport, SmsTransport } from '@tend/channels';
import type { Database } from '@tend/db';
import type { RoutingConsumer } from '@tend/routing';
import type { FetchAllowlist, NodeSpec } from '@tend/journey';
import type { Client } from '@temporalio/client';
import type { SsoSettings } from './auth/oidc-client.js';
import type { Principal } from './auth/principal.js';
import type { HealthReport } from './health.js';

/** Everything a request handler needs, built from plain values so tests pass their own. */
export interface ServerDeps {
  db: Database;
  temporal: Client;
  health(): Promise<HealthReport>;
  /** Custom action nodes (TEND_NODES): shown in the catalogue, accepted at publish. */
  customNodes?: readonly NodeSpec[];
  /** Channels with a configured provider; publish refuses actions on others. Absent: not checked. */
  channels?: readonly string[];
  /** Internal targets webhooks may call (TEND_FETCH_ALLOW): publish refuses other internal addresses. */
  fetchAllowlist?: FetchAllowlist;
  /** Where the console is reached (sign-in and invitation links point there). */
  publicUrl?: string;
  /** Single sign-on through an OpenID Connect provider (TEND_OIDC_*); absent: password and links only. */
  sso?: SsoSettings;
  /** The providers the worker sends through, for the editor's "Send test"; a channel absent here cannot be tested. */
  senders?: MessageSenders;
  /** The routing consumer of this process, woken when events are stored (it also polls for other servers' events). */
  routing?: Pick<RoutingConsumer, 'wake'>;
}

/** What the server sends a test message through: the worker's own providers (SMTP_URL, SMS_URL); web push signs with the workspace's keys. */
export interface MessageSenders {
  email?: EmailTransport;
  sms?: SmsTransport;
  /** The guarded fetch push endpoints are reached through (TEND_FETCH_ALLOW). */
  fetch?: typeof fetch;
}

/** One API call's context: the server's dependencies and who is asking, for which workspace. */
export interface RequestContext extends ServerDeps {
  principal: Principal | null;
  /** The workspace the console names (x-tend-workspace header); the user's first one when absent. */
  workspaceId: string | null;
  /** A cookie-signed request echoed its session's CSRF token: it comes from the console itself. */
  csrfVerified: boolean;
}
