import { z } from 'zod';
import type { NodeSpec } from './node-spec.js';
import { exitNode, waitNode } from './control.js';
import { sendEmailNode } from './send-email.js';
import { eventTrigger, identifyTrigger } from './triggers.js';

export const builtInNodes: readonly NodeSpec[] = [identifyTrigger, eventTrigger, waitNode, exitNode, sendEmailNode];

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
    outputs: [...spec.outputs],
    configSchema: z.toJSONSchema(spec.config, { io: 'input' }),
  }));
}
