import type { JourneyStatus } from '../../trpc';
import { plural } from '../../ui/format';

export type StatusAction = 'pause' | 'resume' | 'archive';

/**
 * What a marketer can do to a journey in each status. Archiving stops every contact for
 * good, so an archived journey offers nothing: publishing a new version is the way back.
 */
export function statusActions(status: JourneyStatus): StatusAction[] {
  switch (status) {
    case 'active':
      return ['pause', 'archive'];
    case 'paused':
      return ['resume', 'archive'];
    case 'archived':
      return [];
  }
}

/** What a status change did, from the server's answer: how many running contacts were told. */
export function statusChangeMessage(result: { status: JourneyStatus; contactsTold: number }): string {
  const contacts = plural(result.contactsTold, 'contact');
  switch (result.status) {
    case 'paused':
      return `Paused: ${contacts} in the journey told to hold where they are. No one new enters.`;
    case 'active':
      return `Resumed: ${contacts} told to carry on from where they were held.`;
    case 'archived':
      return `Archived: ${contacts} stopped. No one new enters.`;
  }
}
