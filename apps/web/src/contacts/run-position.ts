import type { ContactJourney } from '../trpc';

/**
 * Where a contact's run in a journey stands, in one sentence: "Waiting at two-days until
 * Nov 25, 09:00", "Completed". `formatTime` turns the engine's ISO times into the reader's.
 */
export function describeRun(run: Pick<ContactJourney, 'status' | 'position'>, formatTime: (iso: string) => string): string {
  switch (run.status) {
    case 'completed':
      return 'Completed';
    case 'exited':
      return 'Left early: an exit event happened';
    case 'stopped':
      return 'Stopped: the journey was archived';
    case 'active':
      return run.position ? describePosition(run.position, formatTime) : 'In the journey (its position could not be read just now)';
  }
}

type Position = NonNullable<ContactJourney['position']>;

function describePosition(position: Position, formatTime: (iso: string) => string): string {
  const { nodeId, waitingFor, waitingUntil } = position;
  const until = waitingUntil ? ` until ${formatTime(waitingUntil)}` : '';
  const converted = position.converted ? ' (converted)' : '';
  switch (position.status) {
    case 'completed':
      return `Completed${converted}`;
    case 'paused':
      return `Paused${nodeId ? ` at ${nodeId}` : ''}: the journey is paused${converted}`;
    case 'running':
      return nodeId ? `At ${nodeId}${converted}` : `In the journey${converted}`;
    case 'waiting':
      // After the last step, a contact who has not converted stays until the goal window closes.
      if (waitingFor === 'goal') return `Done with the steps; counted toward the goal${until}`;
      // A scheduled entry (a date trigger's time of day) waits before its first step.
      if (!nodeId) return waitingUntil ? `Enters at ${formatTime(waitingUntil)}` : 'About to enter';
      if (waitingFor && waitingFor !== 'time') return `Waiting at ${nodeId} for ${waitingFor}${until}${converted}`;
      return `Waiting at ${nodeId}${until}${converted}`;
  }
}
