/**
 * The compiled journey: plain JSON that the interpreter workflow walks.
 * It never contains React Flow types, and it is immutable once published.
 * Anything here must stay loadable by older workers: add kinds and fields, never rename them.
 */
import type { Condition, PropertyFilter } from './conditions.js';
import type { Weekday } from './time.js';

/**
 * once-ever: a contact enters at most once. once-at-a-time: again after the previous run ended.
 * cooldown: again once `cooldownMs` passed since the previous entry. restart: a new trigger
 * ends the current run and starts over (how "90 days of silence since the last order" is built).
 */
export type ReentryPolicy = 'once-ever' | 'once-at-a-time' | 'cooldown' | 'restart';

/** An event the journey listens for: a track event by name whose properties pass the filters. */
export interface EventMatcher {
  event: string;
  filters: PropertyFilter[];
}

export type IrTrigger =
  | { nodeId: string; kind: 'identify'; onlyNewContacts: boolean; next: string | null }
  | ({ nodeId: string; kind: 'event'; next: string | null } & EventMatcher)
  /** Enters when a segment-membership event ("Segment Entered" with properties.segment) arrives. */
  | { nodeId: string; kind: 'segment'; segment: string; next: string | null }
  /** Enters N days from a date trait, at a time of day in the contact's zone; yearly when `recurring`. */
  | { nodeId: string; kind: 'date-attribute'; attribute: string; offsetDays: number; time: string; recurring: boolean; next: string | null }
  /** Enters everyone matching `condition` on a cron schedule (the workspace's zone). */
  | { nodeId: string; kind: 'schedule'; cron: string; condition: Condition | null; next: string | null };

export interface SplitPath {
  /** The path's output id (edges and counts use it); absent in versions published before it was compiled in. */
  id?: string;
  percent: number;
  next: string | null;
  /** A control group: recorded as a path, sends nothing, still measured against the goal. */
  holdout: boolean;
  label: string;
}

export interface BranchCase {
  /** The case's output id (edges and counts use it); absent in versions published before it was compiled in. */
  id?: string;
  label: string;
  condition: Condition;
  next: string | null;
}

export type IrNode =
  | { kind: 'wait'; id: string; durationMs: number; next: string | null }
  | { kind: 'wait-until'; id: string; time: string; weekdays: Weekday[]; next: string | null }
  | {
      kind: 'wait-for-event';
      id: string;
      matcher: EventMatcher;
      /** Property of the awaited event that must equal the same property of the entry event (e.g. cartId). */
      matchEntryProperty: string | null;
      timeoutMs: number;
      next: string | null;
      timedOut: string | null;
    }
  | { kind: 'branch'; id: string; cases: BranchCase[]; otherwise: string | null }
  | { kind: 'split'; id: string; paths: SplitPath[] }
  | { kind: 'goal'; id: string; next: string | null }
  | { kind: 'action'; id: string; type: string; version: number; config: Record<string, unknown>; outputs: Record<string, string | null> }
  | { kind: 'exit'; id: string };

/** At most `count` marketing messages of a channel to one contact in any `perDays` days. */
export interface FrequencyCap {
  count: number;
  perDays: number;
}

export interface IrGoal {
  nodeId: string;
  matcher: EventMatcher;
  /** How long after entry a conversion counts; null = as long as the journey runs. */
  windowMs: number | null;
}

export interface JourneyIr {
  /** IR format version, so a worker can refuse a shape it does not know. */
  format: 1;
  journeyId: string;
  name: string;
  reentry: ReentryPolicy;
  /** With reentry "cooldown": how long after an entry the contact may enter again. */
  cooldownMs: number | null;
  /** The workspace's zone, used when a contact has no valid `timezone` trait. */
  timeZone: string;
  triggers: IrTrigger[];
  nodes: Record<string, IrNode>;
  goals: IrGoal[];
  /** Journey-wide exit criteria, checked on every event routed to a running contact. */
  exitWhen: (EventMatcher & { matchEntryProperty?: string })[];
  /** Every event name a running contact must be told about (wait-for-event, goals, exits, restart triggers). */
  listensTo: string[];
  /**
   * Which journey's message goes first when several compete for a contact under a frequency
   * cap: 1 (lowest) to 10 (highest). Absent (the default, or a version published before
   * priorities): 5. The send path reads it, and `caps`, from the live version.
   */
  priority?: number;
  /** The journey's own caps per channel, counting only its messages. Absent: none. */
  caps?: Partial<Record<'email' | 'sms' | 'push', FrequencyCap>>;
}
