export { compileJourney, contentHash, type CompileResult } from './compile.js';
export {
  defaultJourneyPriority,
  frequencyCapSchema,
  journeyGraphSchema,
  lifecycleStages,
  type GraphEdge,
  type GraphNode,
  type JourneyGraph,
  type JourneyGraphInput,
} from './graph.js';

export { allowsName, bareHost, parseFetchAllowlist, type FetchAllowlist } from './fetch-target/allowlist.js';
export { isIpAddress } from './fetch-target/internal-address.js';
export { forbiddenAddressKind, refusedHost } from './fetch-target/refusal.js';
export * from './ir/index.js';
export { builtInNodes, catalogueJson, findNodeSpec, nodeLookup, type NodeLookup } from './nodes/catalogue.js';
export { durationUnits } from './nodes/control.js';
export type { CatalogueEntry } from './nodes/catalogue-entry.js';
export {
  fixedOutputs,
  groupOf,
  nodeSpec,
  outputsOf,
  type CompileContext,
  type CompiledNode,
  type NodeCategory,
  type NodeGroup,
  type NodeOutput,
  type NodeSpec,
  type UiHint,
} from './nodes/node-spec.js';
export { diffGraphs, type GraphDiff, type GraphDiffEdge } from './editor/diff.js';
export { nodeOutputs } from './editor/node-outputs.js';
export { specsFromCatalogue } from './editor/specs-from-catalogue.js';
export { summarizeNode } from './editor/summarize-node.js';
export { addToListNode, removeFromListNode, type ListConfig } from './nodes/lists.js';
export { sendEmailNode, type SendEmailConfig } from './nodes/send-email.js';
export { sendPushNode, type SendPushConfig } from './nodes/send-push.js';
export { sendSmsNode, type SendSmsConfig } from './nodes/send-sms.js';
export { traitName, traitNameError } from './nodes/trait-name.js';
export { updateProfileNode, type UpdateProfileConfig } from './nodes/update-profile.js';
export { webhookMethods, webhookNode, type WebhookConfig } from './nodes/webhook.js';
export { mailbox, mailboxError } from './mailbox.js';
export { formatProblem, type Problem } from './problem.js';
export { secretName, secretNameError } from './secret-name.js';
export { smsSegments, type SmsSegments } from './sms-segments.js';
export { headerSecrets, templateError } from './templates.js';
export { validateJourney, type ValidationOptions, type ValidationResult } from './validate.js';
export { conditionSchema, parseCondition, propertyFilterSchema, type ConditionInput, type ConditionProblem, type PropertyFilterInput } from './conditions-schema.js';
