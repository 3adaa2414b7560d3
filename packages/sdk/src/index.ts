export { defineNode, type NodeContext, type NodeDefinition, type NodeDefinitionInput } from './define-node.js';
export { loadCustomNodes, type AnyNodeDefinition } from './load-nodes.js';
export { runNode, type RunNodeOptions, type RunNodeResult } from './run-node.js';
