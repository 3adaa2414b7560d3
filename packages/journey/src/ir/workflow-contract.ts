import type { JourneyIr } from './types.js';

/** The event that made a contact enter, as the workflow sees it. */
export interface EnteringEvent {
  type: 'identify' | 'track';
  name: string | null;
  messageId: string;
  properties: Record<string, unknown>;
}

/** Arguments of the journey interpreter workflow. */
export interface JourneyWorkflowInput {
  workspaceId: string;
  contactId: string;
  version: number;
  triggerNodeId: string;
  ir: JourneyIr;
  entering: EnteringEvent;
}

/**
 * One workflow id per (workspace, journey, contact), whatever the version: Temporal's id
 * rules then guarantee a contact is in a journey at most once at a time, with no locks.
 */
export function journeyWorkflowId(workspaceId: string, journeyId: string, contactId: string): string {
  return `journey/${workspaceId}/${journeyId}/${contactId}`;
}

/** Input of the one activity that runs any action node. */
export interface RunActionInput {
  workspaceId: string;
  contactId: string;
  journeyId: string;
  nodeId: string;
  type: string;
  version: number;
  config: Record<string, unknown>;
  idempotencyKey: string;
}

/** The activities the interpreter calls; the worker implements them. */
export interface JourneyActivities {
  runAction(input: RunActionInput): Promise<{ output: string }>;
}

/** Where a contact is in its journey, answered by the workflow's "position" query. */
export interface JourneyPosition {
  nodeId: string | null;
  status: 'running' | 'waiting' | 'completed';
  /** ISO time a wait ends, while waiting. */
  waitingUntil: string | null;
}

export const journeyWorkflowType = 'journeyWorkflow';
export const journeyTaskQueue = 'tend-journeys';
/** Signal carrying a contact's event to its run (used by wait-for-event and exits). */
export const contactEventSignal = 'contactEvent';
export const positionQuery = 'position';
