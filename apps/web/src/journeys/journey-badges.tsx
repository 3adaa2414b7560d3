import { Badge, type BadgeTone } from '../ui/badge';
import type { JourneySummary } from '../trpc';

type Lifecycle = NonNullable<JourneySummary['lifecycle']>;
type Status = JourneySummary['status'];

const lifecycleTones: Record<Lifecycle, BadgeTone> = {
  acquisition: 'info',
  conversion: 'accent',
  growth: 'good',
  retention: 'neutral',
  'win-back': 'warn',
};

const statusTones: Record<Status, BadgeTone> = { active: 'good', paused: 'warn', archived: 'neutral' };

/**
 * A graph's lifecycle read from JSON (a template, a draft), or null when it names no stage. The
 * tones name every stage (the type checks it), so the list page needs no journey package for this.
 */
export function asLifecycle(value: unknown): Lifecycle | null {
  return (Object.keys(lifecycleTones) as Lifecycle[]).find((stage) => stage === value) ?? null;
}

export function LifecycleBadge({ lifecycle }: { lifecycle: Lifecycle | null }) {
  if (!lifecycle) return <span className="muted">—</span>;
  return <Badge tone={lifecycleTones[lifecycle]}>{lifecycle}</Badge>;
}

export function JourneyStatusBadge({ status }: { status: Status }) {
  return <Badge tone={statusTones[status]}>{status}</Badge>;
}
