// Workflow-safe: pure types and functions, no I/O and no dependencies.
export * from './condition-evidence.js';
export * from './conditions.js';
export * from './event-match.js';
export * from './time.js';
export type * from './types.js';
export * from './workflow-contract.js';
