export { publishAndApply, setJourneyStatus, type PublishAndApplyResult, type PublishOptions } from './lifecycle.js';
export { publishJourney, type PublishResult } from './publish.js';
