export { defineNode, type NodeContext, type NodeDefinition } from './define-node.js';
