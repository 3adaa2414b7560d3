/**
 * The browser-safe part of @tend/journey, for the editor: the same validator `tend publish`
 * uses, the graph schema, the node catalogue and what the canvas derives from it. Nothing here
 * may reach a Node built-in (editor-entry.test.ts walks the imports to make sure).
 */
export { validateJourney, type ValidationOptions, type ValidationResult } from '../validate.js';
export type { Problem } from '../problem.js';
export { journeyGraphSchema, lifecycleStages, type GraphEdge, type GraphNode, type JourneyGraph, type JourneyGraphInput } from '../graph.js';
export { builtInNodes } from '../nodes/catalogue.js';
export type { CatalogueEntry } from '../nodes/catalogue-entry.js';
export type { NodeCategory, NodeGroup, NodeOutput, NodeSpec, UiHint } from '../nodes/node-spec.js';
export { diffGraphs, type GraphDiff, type GraphDiffEdge } from './diff.js';
export { nodeOutputs } from './node-outputs.js';
export { specsFromCatalogue } from './specs-from-catalogue.js';
export { summarizeNode } from './summarize-node.js';
export { smsSegments, type SmsSegments } from '../sms-segments.js';
