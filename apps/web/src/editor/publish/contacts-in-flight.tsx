import { Field } from '../../ui/field';
import { plural } from '../../ui/format';
import type { NodeNamer } from './change-lines';
import type { WaitingMove } from './node-map';

/**
 * Whether contacts already in the journey stay on their version or move to the new one, and,
 * when they move, where those waiting at a removed node go.
 */
export function ContactsInFlight({
  liveVersion,
  moveWaiting,
  onMoveWaiting,
  moves,
  onMove,
  targets,
  waitingAt,
  inJourney,
  name,
}: {
  liveVersion: number;
  moveWaiting: boolean;
  onMoveWaiting: (move: boolean) => void;
  moves: readonly WaitingMove[];
  onMove: (nodeId: string, to: string | null) => void;
  /** Draft nodes contacts can move to (its waits). */
  targets: readonly string[];
  /** Contacts waiting at a node of the live version now; undefined while unknown. */
  waitingAt: (nodeId: string) => number | undefined;
  /** Contacts in the journey now, whatever version; undefined while unknown. */
  inJourney: number | undefined;
  name: NodeNamer;
}) {
  return (
    <fieldset>
      <legend>Contacts in flight</legend>
      {inJourney !== undefined && <p className="muted small">{plural(inJourney, 'contact')} in the journey now.</p>}
      <label className="publish-dialog__choice">
        <input type="radio" name="contacts-in-flight" checked={!moveWaiting} onChange={() => onMoveWaiting(false)} />
        Stay on the version they entered (v{liveVersion})
      </label>
      <label className="publish-dialog__choice">
        <input type="radio" name="contacts-in-flight" checked={moveWaiting} onChange={() => onMoveWaiting(true)} />
        Move waiting contacts to the new version
      </label>
      {moveWaiting && (
        <div className="publish-dialog__moves">
          <p className="muted small">
            Contacts waiting at a wait move to the wait with the same id in the new version; the others finish on v{liveVersion}.
          </p>
          {moves.map((move) => {
            const waiting = waitingAt(move.nodeId);
            return (
              <Field
                key={move.nodeId}
                label={`Contacts waiting at ${name(move.nodeId)} move to`}
                hint={waiting === undefined ? 'This node is removed in the new version.' : `${plural(waiting, 'contact')} waiting there now.`}
              >
                {(control) => (
                  <select
                    {...control}
                    className="select"
                    required
                    aria-invalid={move.to === null}
                    value={move.to ?? ''}
                    onChange={(event) => onMove(move.nodeId, event.target.value || null)}
                  >
                    <option value="">Choose a wait…</option>
                    {targets.map((id) => (
                      <option key={id} value={id}>
                        {name(id)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            );
          })}
        </div>
      )}
    </fieldset>
  );
}
