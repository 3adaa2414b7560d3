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

/** Payload of the remove signal: a person takes one contact out of the journey. */
export interface RemoveSignal {
  /** Why, in the person's words: kept on the contact's trail. */
  reason: string;
  /** Who: the member's email or id, or an API token's name. */
  by: string;
}

/** Payload of the move signal: a person moves one waiting contact to another node of the same version. */
export interface MoveSignal {
  toNodeId: string;
  reason: string;
  by: string;
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
  /** What happened there: "entered", "sent", "waited", "branch:<label>", "split:<label>", "timed-out", "converted", "exited", "removed", "moved"… */
  outcome: string;
  /**
   * The output id the contact left by: a branch case id or "else", a split path id, "happened" /
   * "timed-out", an action's output, "next" for a single-output node; null when the visit ended the
   * run or did not complete (removed, moved, exited). Absent in visits recorded by older runs.
   */
  output?: string | null;
  /** Why: the case that matched and on what value, why a send was skipped, who moved or removed the contact. */
  detail?: Record<string, unknown>;
  /** Epoch ms, from workflow time. */
  at: number;
}

/** Where a run is: the node it is at (waiting there, or about to run it) and since when (epoch ms). */
export interface RunPosition {
  nodeId: string;
  since: number;
}

export type RunEnd = 'completed' | 'exited' | 'stopped';

/** Identifies one enrolment: a contact in a journey, for one chain of runs (first execution run id). */
export interface EnrolmentKey {
  workspaceId: string;
  journeyId: string;
  contactId: string;
  runKey: string;
}

/** What an action node did: the output to follow, what happened, and (when it did not act) why. */
export interface ActionResult {
  output: string;
  /** Recorded as the visit's outcome instead of the output: "sent", "skipped"… */
  outcome?: string;
  /** Why the node did not act, e.g. "the contact has no email address". */
  reason?: string;
}

/** What evaluateBranch decided. */
export interface BranchChoice {
  /** The first case whose condition holds, or -1 (else). */
  index: number;
  /** What each case checked looked at (conditionEvidence), in order, up to the one that held. */
  seen: Record<string, unknown>[];
}

/** The activities the interpreter calls; the worker implements them. */
export interface JourneyActivities {
  /** Runs an action node: the output to follow, what happened ("sent", "skipped"…) and why, when it did not act. */
  runAction(input: RunActionInput): Promise<ActionResult>;
  /**
   * The first case whose condition holds for the contact now (-1: none), and what each case
   * checked looked at. Workers before this returned the bare index: histories still hold numbers.
   */
  evaluateBranch(input: { workspaceId: string; contactId: string; journeyId: string; conditions: Condition[] }): Promise<BranchChoice>;
  /** The contact's IANA zone from their `timezone` trait, or null. */
  contactTimeZone(input: { workspaceId: string; contactId: string }): Promise<string | null>;
  /**
   * Writes visits to the trail. `position`: where the run is once they are written (written to the
   * routing index for "waiting here" counts); null when its path ran out; absent (older runs) leaves it.
   */
  recordVisits(visits: VisitRecord[], position?: RunPosition | null): Promise<void>;
  /**
   * Writes the routing index: this contact is in this journey (version, since when, which
   * events it must be told about). Called at the start of every run, continue-as-new included.
   */
  beginEnrolment(
    input: EnrolmentKey & {
      workflowId: string;
      version: number;
      listensTo: string[];
      enteredAt: number;
      /** Where a continued run carries on (a resumed one is at a node already); absent or null: at no node yet. */
      position?: RunPosition | null;
    },
  ): Promise<void>;
  /**
   * Marks the enrolment ended (kept for re-entry and cool-down rules); it is then at no node.
   * `visits`: the run's last visits, written with the end in one statement (one local activity
   * less per run; runs from before this wrote them with recordVisits first).
   */
  endEnrolment(input: EnrolmentKey & { end: RunEnd; visits?: VisitRecord[] }): Promise<void>;
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
/** Takes one contact out of the journey (a person did, with a reason): see RemoveSignal. */
export const removeSignal = 'remove';
/** Moves one waiting contact to another node of the same version: see MoveSignal. */
export const moveSignal = 'move';
export const positionQuery = 'position';

/**
 * The routing contract of segments: a track event "Segment Entered" (or "Segment Exited") with
 * properties.segment enters segment-triggered journeys and keeps membership for branches.
 */
export const segmentEnteredEvent = 'Segment Entered';
export const segmentExitedEvent = 'Segment Exited';

/**
 * Recomputes audiences: RFM scores, predicted lifetime value, then every segment (a segment may
 * use the first two), so contacts enter segments as time passes, with no new event. Run by an
 * hourly Temporal Schedule for every workspace, or on demand for one.
 */
export const audienceRefreshWorkflowType = 'audienceRefreshWorkflow';
export const audienceRefreshScheduleId = 'audience-refresh';

export interface AudienceRefreshInput {
  /** One workspace (on demand); null: every workspace (the schedule). */
  workspaceId: string | null;
}

/** What one workspace's refresh did. */
export interface AudienceRefreshResult {
  workspaceId: string;
  rfmScored: number;
  predicted: number;
  segments: number;
  entered: number;
  exited: number;
}

export interface AudienceActivities {
  audienceWorkspaces(): Promise<string[]>;
  /** RFM, predicted value and segments of one workspace, as of `asOf` (epoch ms). */
  refreshAudience(input: { workspaceId: string; asOf: number }): Promise<AudienceRefreshResult>;
}
