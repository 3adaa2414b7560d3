import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { diffGraphs, type JourneyGraphInput, type Problem } from '@tend/journey/editor';
import { useMemo, useState } from 'react';
import { readableMessage } from '../../session/api-errors';
import { trpc } from '../../trpc';
import { Dialog } from '../../ui/dialog';
import { plural } from '../../ui/format';
import { useCatalogue } from '../catalogue';
import { useProblems } from '../store/validation';
import { changeLines, nodeNamer, type NodeNamer } from './change-lines';
import { ContactsInFlight } from './contacts-in-flight';
import { GraphChanges } from './graph-changes';
import { defaultMoves, toNodeMap } from './node-map';
import './publish.css';

/**
 * Publishing the draft: what changes against the live version, what happens to contacts in
 * flight, then the server's verdict. The browser checks the same rules first, so the server
 * refusing is rare (a secret deleted meanwhile, a node the worker no longer knows).
 */
export function PublishDialog({
  journeyId,
  draft,
  live,
  liveVersion,
  onClose,
  onPublished,
}: {
  journeyId: string;
  draft: JourneyGraphInput;
  live: JourneyGraphInput | null;
  liveVersion: number | null;
  onClose: () => void;
  onPublished: (version: number) => void;
}) {
  const queryClient = useQueryClient();
  const problems = useProblems();
  const catalogue = useCatalogue().data;
  const stats = useQuery(trpc.journeys.stats.queryOptions({ id: journeyId }, { enabled: live !== null }));
  const [moveWaiting, setMoveWaiting] = useState(false);
  const [chosen, setChosen] = useState<Record<string, string | null>>({});

  const diff = useMemo(() => (live ? diffGraphs(live, draft) : null), [live, draft]);
  const name = useMemo(() => nodeNamer([draft, live], (type) => catalogue?.find((entry) => entry.type === type)?.title), [draft, live, catalogue]);
  const isWait = (type: string) => catalogue?.find((entry) => entry.type === type)?.group === 'waits';
  const moves =
    live && diff
      ? defaultMoves(live, draft, diff.removed.map((node) => node.id), isWait).map((move) => (move.nodeId in chosen ? { ...move, to: chosen[move.nodeId] ?? null } : move))
      : [];
  const targets = draft.nodes.filter((node) => isWait(node.type)).map((node) => node.id);
  const nodeMap = toNodeMap(moves);

  const publish = useMutation(
    trpc.journeys.publish.mutationOptions({
      onSuccess: (result) => {
        if (result.ok) onPublished(result.version);
        // The live version, the list, its counts and the versions all change.
        return queryClient.invalidateQueries({ queryKey: trpc.journeys.pathKey() });
      },
    }),
  );
  const result = publish.data;
  const blocked = problems.length > 0 ? `Fix ${plural(problems.length, 'problem')} first` : moveWaiting && !nodeMap.ok ? `Choose where contacts at ${name(nodeMap.missing)} move` : null;

  return (
    <Dialog open wide title={`Publish ${draft.name || journeyId}`} onClose={() => !publish.isPending && onClose()}>
      <form
        className="publish-dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (blocked) return;
          publish.mutate({ graph: draft, moveWaiting, nodeMap: moveWaiting && nodeMap.ok ? nodeMap.nodeMap : {} });
        }}
      >
        {problems.length > 0 && (
          <p className="error-text" role="alert">
            This draft has {plural(problems.length, 'problem')}: they are marked on the canvas. Fix them to publish.
          </p>
        )}
        <section>
          <h3>What changes</h3>
          {diff === null ? (
            <p>First version: contacts start entering this journey once it is published.</p>
          ) : diff.unchanged ? (
            <p>No changes since version {liveVersion}.</p>
          ) : (
            <GraphChanges lines={changeLines(diff, name)} label="What changes" />
          )}
        </section>
        {live && liveVersion !== null && diff && !diff.unchanged && (
          <ContactsInFlight
            liveVersion={liveVersion}
            moveWaiting={moveWaiting}
            onMoveWaiting={setMoveWaiting}
            moves={moves}
            onMove={(nodeId, to) => setChosen((current) => ({ ...current, [nodeId]: to }))}
            targets={targets}
            waitingAt={(nodeId) => stats.data?.nodes[nodeId]?.waiting}
            inJourney={stats.data?.active}
            name={name}
          />
        )}
        {result && !result.ok && <ServerProblems problems={result.problems} name={name} />}
        {result?.ok && (
          <p className="ok-text" role="status">
            {result.unchanged ? `Nothing changed: version ${result.version} stays live.` : `Published version ${result.version}.`}
            {result.moved > 0 && ` ${plural(result.moved, 'contact')} moved.`}
          </p>
        )}
        {publish.error && (
          <p className="error-text" role="alert">
            Could not publish: {readableMessage(publish.error)}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose} disabled={publish.isPending}>
            {result?.ok ? 'Done' : 'Cancel'}
          </button>
          {!result?.ok && (
            <button type="submit" className="button button--primary" disabled={blocked !== null || publish.isPending} title={blocked ?? undefined}>
              {publish.isPending ? 'Publishing…' : (blocked ?? 'Publish')}
            </button>
          )}
        </div>
      </form>
    </Dialog>
  );
}

/** What the server refused, each problem with the node and field it is about. */
function ServerProblems({ problems, name }: { problems: readonly Problem[]; name: NodeNamer }) {
  return (
    <div role="alert">
      <p className="error-text">The server refused to publish: {plural(problems.length, 'problem')}.</p>
      <ul className="publish-dialog__problems">
        {problems.map((problem, index) => (
          <li key={index}>
            {[problem.nodeId && name(problem.nodeId), problem.field].filter(Boolean).join(' · ')}
            {(problem.nodeId || problem.field) && ': '}
            {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
