import { z } from 'zod';
import type { NodeSpec } from './node-spec.js';
import { branchNode, exitNode, goalNode, splitNode, waitForEventNode, waitNode, waitUntilNode } from './control.js';
import { addToListNode, removeFromListNode } from './lists.js';
import { sendEmailNode } from './send-email.js';
import { sendPushNode } from './send-push.js';
import { sendSmsNode } from './send-sms.js';
import { updateProfileNode } from './update-profile.js';
import { webhookNode } from './webhook.js';
import { dateAttributeTrigger, eventTrigger, identifyTrigger, scheduleTrigger, segmentTrigger } from './triggers.js';

export const builtInNodes: readonly NodeSpec[] = [
  identifyTrigger,
  eventTrigger,
  segmentTrigger,
  dateAttributeTrigger,
  scheduleTrigger,
  waitNode,
  waitUntilNode,
  waitForEventNode,
  branchNode,
  splitNode,
  goalNode,
  exitNode,
  sendEmailNode,
  sendSmsNode,
  sendPushNode,
  webhookNode,
  updateProfileNode,
  addToListNode,
  removeFromListNode,
];

const byKey = new Map(builtInNodes.map((spec) => [`${spec.type}@${spec.version}`, spec]));

export function findNodeSpec(type: string, version: number): NodeSpec | undefined {
  return byKey.get(`${type}@${version}`);
}

/** The catalogue as plain JSON (config as JSON Schema), for the editor's palette and inspector. */
export function catalogueJson() {
  return builtInNodes.map((spec) => ({
    type: spec.type,
    version: spec.version,
    category: spec.category,
    title: spec.title,
    description: spec.description,
    /** Fixed outputs; null when they follow from the config (branch cases, split paths). */
    outputs: typeof spec.outputs === 'function' ? null : [...spec.outputs],
    configSchema: z.toJSONSchema(spec.config, { io: 'input' }),
  }));
}
