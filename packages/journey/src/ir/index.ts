export type { IrNode, IrTrigger, JourneyIr, PublishedVersion, ReentryPolicy } from './types.js';
export {
  contactEventSignal,
  journeyTaskQueue,
  journeyWorkflowId,
  journeyWorkflowType,
  positionQuery,
  type EnteringEvent,
  type JourneyActivities,
  type JourneyPosition,
  type JourneyWorkflowInput,
  type RunActionInput,
} from './workflow-contract.js';
