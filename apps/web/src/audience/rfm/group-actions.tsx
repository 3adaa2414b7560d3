import { hrefFor } from '../../routing/route';
import { readableMessage } from '../../session/api-errors';
import { roleHint } from '../../session/roles';
import { useSession } from '../../session/session-context';
import { rfmSegment } from '../segment-journey';
import { useStartSegmentJourney } from '../use-segment-journey';

/**
 * What to do with an RFM group: see its contacts, or start a journey for it (made from the
 * group's segment, `rfm-<group>`, created on first use so it is kept up to date from then on).
 */
export function GroupActions({ group, compact = false }: { group: string; compact?: boolean }) {
  const { workspace } = useSession();
  const start = useStartSegmentJourney();
  const why = roleHint(workspace.role, 'marketer');
  const segment = rfmSegment(group);
  return (
    <span className="audience-row-actions">
      <a className={compact ? undefined : 'button'} href={hrefFor({ page: 'contacts', filters: { rfmGroup: group } })} aria-label={`Contacts in ${group}`}>
        Contacts
      </a>
      <button
        type="button"
        className={compact ? 'button button--small' : 'button button--primary'}
        disabled={why !== null || start.isPending}
        title={why ?? `A new journey draft that starts when someone enters the segment "${segment.name}"`}
        aria-label={`Start a journey for ${group}`}
        onClick={() => start.mutate({ segmentId: segment.id, journeyName: `Journey for RFM: ${group}`, createIfMissing: segment })}
      >
        {start.isPending ? 'Creating…' : 'Start a journey for this group'}
      </button>
      {start.error && <span className="error-text">Could not start it: {readableMessage(start.error)}</span>}
    </span>
  );
}
