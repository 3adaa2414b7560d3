import type { Database } from '@tend/db';
import { webPushTransport, type PushTransport, type WebPushOptions } from './web-push-transport.js';
import { workspaceVapid } from './workspace-vapid.js';

/** Web push signed as each workspace, with its own VAPID keys. */
export interface WorkspacePushTransports {
  forWorkspace(workspaceId: string): Promise<PushTransport>;
}

export interface WorkspacePushOptions extends WebPushOptions {
  /** TEND_PUBLIC_URL: the VAPID contact of a workspace whose sender has no address. */
  publicUrl?: string;
  /** How long a workspace's identity is reused before it is read again. Default 10 minutes. */
  cacheMs?: number;
}

/**
 * One transport per workspace, on top of webPushTransport, its keys read once and kept for a
 * while: a workspace's keys never change, and its sender address (the VAPID contact) rarely
 * does. A workspace without keys gets them on first use, the way the server gives them at start.
 */
export function workspacePushTransports(db: Database, options: WorkspacePushOptions = {}): WorkspacePushTransports {
  const cacheMs = options.cacheMs ?? 10 * 60_000;
  const cache = new Map<string, { transport: Promise<PushTransport>; until: number }>();
  return {
    forWorkspace(workspaceId) {
      const now = Date.now();
      const kept = cache.get(workspaceId);
      if (kept && kept.until > now) return kept.transport;
      const transport = workspaceVapid(db, workspaceId, options).then((vapid) => webPushTransport(vapid, options));
      cache.set(workspaceId, { transport, until: now + cacheMs });
      // A failed lookup is not kept: the next send asks again.
      transport.catch(() => {
        if (cache.get(workspaceId)?.transport === transport) cache.delete(workspaceId);
      });
      return transport;
    },
  };
}
