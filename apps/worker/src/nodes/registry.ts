import type { EmailTransport, SmsTransport, VapidKeys } from '@tend/channels';
import type { Database } from '@tend/db';
import type { NodeDefinition } from '@tend/sdk';
import type { z } from 'zod';
import { addToList, removeFromList } from './lists.js';
import { sendEmail } from './send-email.js';
import { sendPush } from './send-push.js';
import { sendSms } from './send-sms.js';
import { updateProfile } from './update-profile.js';
import { webhook } from './webhook.js';

/** What built-in action nodes may use. Custom nodes get these too, plus their own. */
export interface NodeDeps {
  db: Database;
  email: EmailTransport;
  /** The SMS provider; without it send-sms fails, naming SMS_URL. */
  sms?: SmsTransport;
  /** Web push: the VAPID keys this server signs pushes with; without them send-push fails. */
  push?: { vapid: VapidKeys };
  /** The server's public address (TEND_PUBLIC_URL): email links and the open pixel point there. No tracking when absent. */
  publicUrl?: string;
  /** HTTP for webhooks and web push; the global fetch when absent. */
  fetch?: typeof fetch;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each node narrows its own deps
export type AnyNodeDefinition = NodeDefinition<z.ZodType, any>;

/** The built-in action nodes, each declared with defineNode. */
export const builtInActionNodes: readonly AnyNodeDefinition[] = [sendEmail, sendSms, sendPush, webhook, updateProfile, addToList, removeFromList];

export function nodeRegistry(nodes: readonly AnyNodeDefinition[]): Map<string, AnyNodeDefinition> {
  return new Map(nodes.map((node) => [`${node.type}@${node.version}`, node]));
}
