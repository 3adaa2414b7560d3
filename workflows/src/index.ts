// The workflow bundle's entry: every workflow type the worker registers.
export { journeyWorkflow } from './journey.js';
export { scheduledEntryWorkflow } from './scheduled-entry.js';
export { audienceRefreshWorkflow } from './audience-refresh.js';
