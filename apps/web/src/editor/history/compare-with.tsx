import { useQuery } from '@tanstack/react-query';
import { diffGraphs, type JourneyGraphInput } from '@tend/journey/editor';
import { useId, useMemo, useState } from 'react';
import { trpc, type JourneyVersion } from '../../trpc';
import { QueryError } from '../../ui/query-status';
import { useCatalogue } from '../catalogue';
import { changeLines, nodeNamer, type ChangeLine } from '../publish/change-lines';
import { GraphChanges } from '../publish/graph-changes';

export type CompareTarget = { kind: 'version'; version: number } | { kind: 'draft' };

export interface Comparison {
  target: CompareTarget | null;
  setTarget: (target: CompareTarget | null) => void;
  /** The changes from the older to the newer (the draft counts as newest); null until both are loaded. */
  lines: ChangeLine[] | null;
  heading: string;
  targetName: string;
  error: { message: string } | null;
  hasDraft: boolean;
}

/** The open version compared with another version or the draft, as its own state. */
export function useComparison(journeyId: string, version: number, graph: JourneyGraphInput): Comparison {
  const [target, setTarget] = useState<CompareTarget | null>(null);
  const draft = useQuery(trpc.drafts.get.queryOptions({ id: journeyId }));
  const other = useQuery(
    trpc.journeys.version.queryOptions(
      { id: journeyId, version: target?.kind === 'version' ? target.version : 0 },
      { enabled: target?.kind === 'version', staleTime: Infinity },
    ),
  );
  const otherGraph = (target?.kind === 'draft' ? draft.data?.graph : target ? other.data?.graph : undefined) as JourneyGraphInput | undefined;
  const targetName = target === null ? '' : target.kind === 'draft' ? 'the draft' : `v${target.version}`;
  const newer = target !== null && (target.kind === 'draft' || target.version > version);
  const catalogue = useCatalogue().data;
  const lines = useMemo(() => {
    if (!otherGraph) return null;
    const [before, after] = newer ? [graph, otherGraph] : [otherGraph, graph];
    const name = nodeNamer([after, before], (type) => catalogue?.find((entry) => entry.type === type)?.title);
    return changeLines(diffGraphs(before, after), name);
  }, [graph, otherGraph, newer, catalogue]);
  return {
    target,
    setTarget,
    lines,
    heading: newer ? `Changes from v${version} to ${targetName}` : `Changes from ${targetName} to v${version}`,
    targetName,
    error: target?.kind === 'version' && other.isError ? other.error : target?.kind === 'draft' && draft.isError ? draft.error : null,
    hasDraft: Boolean(draft.data),
  };
}

/** "Compare with…": a version or the draft, and the differences as a list. */
export function CompareWith({ version, versions, comparison }: { version: number; versions: readonly JourneyVersion[]; comparison: Comparison }) {
  const selectId = useId();
  const { target, setTarget, lines, heading, targetName, error, hasDraft } = comparison;
  return (
    <section className="compare-with">
      <div className="compare-with__pick">
        <label htmlFor={selectId}>Compare with…</label>
        <select
          id={selectId}
          className="select"
          value={target === null ? '' : target.kind === 'draft' ? 'draft' : String(target.version)}
          onChange={(event) => {
            const value = event.target.value;
            setTarget(value === '' ? null : value === 'draft' ? { kind: 'draft' } : { kind: 'version', version: Number(value) });
          }}
        >
          <option value="">Nothing</option>
          {hasDraft && <option value="draft">The draft</option>}
          {versions
            .filter((candidate) => candidate.version !== version)
            .map((candidate) => (
              <option key={candidate.version} value={candidate.version}>
                v{candidate.version}
              </option>
            ))}
        </select>
      </div>
      {error && <QueryError what={targetName} error={error} />}
      {target && lines === null && !error && <p className="muted">Loading {targetName}…</p>}
      {lines && (
        <>
          <h3>{heading}</h3>
          {lines.length === 0 ? <p>No differences.</p> : <GraphChanges lines={lines} label={heading} />}
        </>
      )}
    </section>
  );
}
