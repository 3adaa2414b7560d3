/**
 * The compiled journey: plain JSON that the interpreter workflow walks.
 * It never contains React Flow types, and it is immutable once published.
 * Anything here must stay loadable by older workers: add kinds and fields, never rename them.
 */

export type ReentryPolicy = 'once-ever' | 'once-at-a-time';

export type IrTrigger =
  | { nodeId: string; kind: 'identify'; onlyNewContacts: boolean; next: string | null }
  | { nodeId: string; kind: 'event'; event: string; next: string | null };

export type IrNode =
  | { kind: 'wait'; id: string; durationMs: number; next: string | null }
  | { kind: 'action'; id: string; type: string; version: number; config: Record<string, unknown>; next: string | null }
  | { kind: 'exit'; id: string };

export interface JourneyIr {
  /** IR format version, so a worker can refuse a shape it does not know. */
  format: 1;
  journeyId: string;
  name: string;
  reentry: ReentryPolicy;
  triggers: IrTrigger[];
  nodes: Record<string, IrNode>;
}

/** What a published version pins: the IR plus where it came from. */
export interface PublishedVersion {
  journeyId: string;
  version: number;
  hash: string;
  ir: JourneyIr;
}
