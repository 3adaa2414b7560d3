export { defineNode, type AnyNodeDefinition, type NodeContext, type NodeDefinition, type NodeDefinitionInput } from './define-node.js';
export { loadCustomNodes } from './load-nodes.js';
export { runNode, type RunNodeOptions, type RunNodeResult } from './run-node.js';
