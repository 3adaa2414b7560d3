import type { AnyNodeDefinition } from '@tend/sdk';
import { addToList, removeFromList } from './lists.js';
import { sendEmail } from './send-email.js';
import { sendPush } from './send-push.js';
import { sendSms } from './send-sms.js';
import { updateProfile } from './update-profile.js';
import { webhook } from './webhook.js';

/** The built-in action nodes, each declared with defineNode. */
export const builtInActionNodes: readonly AnyNodeDefinition[] = [sendEmail, sendSms, sendPush, webhook, updateProfile, addToList, removeFromList];

export function nodeRegistry(nodes: readonly AnyNodeDefinition[]): Map<string, AnyNodeDefinition> {
  return new Map(nodes.map((node) => [`${node.type}@${node.version}`, node]));
}
