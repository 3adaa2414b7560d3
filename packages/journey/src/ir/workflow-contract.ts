import type { Condition } from './conditions.js';
import type { JourneyIr } from './types.js';

/** An event as a running journey sees it. */
export interface ContactEvent {
  type: 'identify' | 'track';
  name: string | null;
  messageId: string;
  properties: Record<string, unknown>;
  /** ISO time the event happened. */
  occurredAt: string;
}

/** Where a run resumes after continue-as-new or a move to a new version. */
export interface ResumeState {
  nodeId: string;
  visits: Record<string, number>;
  /** Epoch ms the current wait began, so a resumed wait keeps its deadline. */
  waitStartedAt: number | null;
  paused: boolean;
  /** Epoch ms the contact entered the journey (goal windows count from here). */
  enteredAt: number;
  converted: boolean;
  /** On the holdout path of a split: actions are recorded, never performed. */
  holdout?: boolean;
}

/** Arguments of the journey interpreter workflow. */
export interface JourneyWorkflowInput {
  workspaceId: string;
  contactId: string;
  version: number;
  triggerNodeId: string;
  ir: JourneyIr;
  entering: ContactEvent;
  /** Date-attribute and scheduled entries: walk from the trigger only at this epoch ms. */
  startAt?: number | null;
  resume?: ResumeState | null;
}

/** Payload of the contactEvent signal: an event for a contact already in the journey. */
export interface ContactEventSignal {
  event: ContactEvent;
  /** Set when the event matched one of the journey's triggers (a re-entry attempt). */
  triggerNodeId: string | null;
}

/** Payload of the migrate signal: move a waiting contact to a newer version. */
export interface MigrateSignal {
  version: number;
  ir: JourneyIr;
  /** Old node id → new node id; a node absent from the map keeps its id. */
  nodeMap: Record<string, string>;
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
  /** The event that made the contact enter, for templates ({{ event.* }}). */
  entryEvent: { name: string | null; properties: Record<string, unknown> };
}

/** One node visit, recorded for live counts and a contact's trail. */
export interface VisitRecord {
  workspaceId: string;
  journeyId: string;
  version: number;
  contactId: string;
  workflowId: string;
  nodeId: string;
  visit: number;
  /** What happened there: "entered", "sent", "waited", "branch:<label>", "split:<label>", "timed-out", "converted", "exited"… */
  outcome: string;
  /** Epoch ms, from workflow time. */
  at: number;
}

export type RunEnd = 'completed' | 'exited' | 'stopped';

/** Identifies one enrolment: a contact in a journey, for one chain of runs (first execution run id). */
export interface EnrolmentKey {
  workspaceId: string;
  journeyId: string;
  contactId: string;
  runKey: string;
}

/** The activities the interpreter calls; the worker implements them. */
export interface JourneyActivities {
  /** Runs an action node: the output to follow and what happened ("sent", "skipped"…). */
  runAction(input: RunActionInput): Promise<{ output: string; outcome?: string }>;
  /** Index of the first case whose condition holds for the contact now, or -1. */
  evaluateBranch(input: { workspaceId: string; contactId: string; journeyId: string; conditions: Condition[] }): Promise<number>;
  /** The contact's IANA zone from their `timezone` trait, or null. */
  contactTimeZone(input: { workspaceId: string; contactId: string }): Promise<string | null>;
  recordVisits(visits: VisitRecord[]): Promise<void>;
  /**
   * Writes the routing index: this contact is in this journey (version, since when, which
   * events it must be told about). Called at the start of every run, continue-as-new included.
   */
  beginEnrolment(input: EnrolmentKey & { workflowId: string; version: number; listensTo: string[]; enteredAt: number }): Promise<void>;
  /** Marks the enrolment ended (kept for re-entry and cool-down rules). */
  endEnrolment(input: EnrolmentKey & { end: RunEnd }): Promise<void>;
}

/** Where a contact is in its journey, answered by the workflow's "position" query. */
export interface JourneyPosition {
  version: number;
  nodeId: string | null;
  status: 'running' | 'waiting' | 'paused' | 'completed';
  /** What the contact waits for: "time", or an event name. */
  waitingFor: string | null;
  /** ISO time a wait ends, while waiting. */
  waitingUntil: string | null;
  converted: boolean;
}

/**
 * One workflow id per (workspace, journey, contact), whatever the version: Temporal's id
 * rules then guarantee a contact is in a journey at most once at a time, with no locks.
 */
export function journeyWorkflowId(workspaceId: string, journeyId: string, contactId: string): string {
  return `journey/${workspaceId}/${journeyId}/${contactId}`;
}

export const journeyWorkflowType = 'journeyWorkflow';
/** Started by a journey's Temporal Schedule: enters the contacts a schedule or date trigger selects. */
export const scheduledEntryWorkflowType = 'scheduledEntryWorkflow';

export interface ScheduledEntryInput {
  workspaceId: string;
  journeyId: string;
  triggerNodeId: string;
}

export interface ScheduledEntryActivities {
  /** Enters every contact the trigger selects at `now`; returns how many were entered. */
  enterScheduled(input: ScheduledEntryInput & { now: number }): Promise<number>;
}
export const journeyTaskQueue = 'tend-journeys';
export const contactEventSignal = 'contactEvent';
export const pauseSignal = 'pause';
export const resumeSignal = 'resume';
/** Ends the run at once (the journey was archived). */
export const stopSignal = 'stop';
export const migrateSignal = 'migrate';
export const positionQuery = 'position';

/**
 * The routing contract of segments: a track event "Segment Entered" (or "Segment Exited") with
 * properties.segment enters segment-triggered journeys and keeps membership for branches.
 */
export const segmentEnteredEvent = 'Segment Entered';
export const segmentExitedEvent = 'Segment Exited';
