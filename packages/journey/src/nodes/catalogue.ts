import { z } from 'zod';
import type { CatalogueEntry } from './catalogue-entry.js';
import { fixedOutputs, groupOf, type NodeSpec } from './node-spec.js';
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

export type NodeLookup = (type: string, version: number) => NodeSpec | undefined;

/** Finds built-in nodes and the given custom ones (from TEND_NODES); a custom node cannot replace a built-in. */
export function nodeLookup(custom: readonly NodeSpec[] = []): NodeLookup {
  if (custom.length === 0) return findNodeSpec;
  const extra = new Map(custom.map((spec) => [`${spec.type}@${spec.version}`, spec]));
  return (type, version) => findNodeSpec(type, version) ?? extra.get(`${type}@${version}`);
}

/** The catalogue as plain JSON (config as JSON Schema), for the editor's palette and inspector. */
export function catalogueJson(custom: readonly NodeSpec[] = []): CatalogueEntry[] {
  return [...builtInNodes, ...custom.filter((spec) => !findNodeSpec(spec.type, spec.version))].map((spec) => ({
    type: spec.type,
    version: spec.version,
    category: spec.category,
    group: groupOf(spec),
    title: spec.title,
    description: spec.description,
    outputs: fixedOutputs(spec),
    summary: spec.summary,
    configSchema: z.toJSONSchema(spec.config, { io: 'input' }),
    ui: { ...spec.ui },
    defaults: structuredClone({ ...spec.defaults }),
  }));
}
