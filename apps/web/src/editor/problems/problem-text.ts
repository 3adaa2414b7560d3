import type { CatalogueEntry, Problem } from '@tend/journey/editor';
import { findEntry } from '../canvas/node-entry';
import type { EditorNode } from '../store/editor-types';

/** A problem as the panel lists it: "Send email — subject: write a subject line". */
export interface ProblemLine {
  nodeId: string | null;
  text: string;
}

/**
 * Problems in words, each naming its step by title (and id when two steps share a title);
 * problems about the journey as a whole come first, named "Journey".
 */
export function problemLines(problems: readonly Problem[], nodes: readonly EditorNode[], catalogue: readonly CatalogueEntry[]): ProblemLine[] {
  const titles = new Map(nodes.map((node) => [node.id, findEntry(catalogue, node.type, node.version)?.title ?? node.type]));
  const titleCounts = new Map<string, number>();
  for (const title of titles.values()) titleCounts.set(title, (titleCounts.get(title) ?? 0) + 1);
  const name = (nodeId: string) => {
    const title = titles.get(nodeId);
    if (title === undefined) return `Step “${nodeId}”`;
    return (titleCounts.get(title) ?? 0) > 1 ? `${title} (${nodeId})` : title;
  };
  const lines = problems.map((problem) => {
    const what = problem.field ? `${problem.field}: ${problem.message}` : problem.message;
    return problem.nodeId === undefined
      ? { nodeId: null, text: `Journey — ${what}` }
      : { nodeId: problem.nodeId, text: `${name(problem.nodeId)} — ${what}` };
  });
  return [...lines.filter((line) => line.nodeId === null), ...lines.filter((line) => line.nodeId !== null)];
}

/** "3 problems", "1 problem", "No problems". */
export function problemCount(count: number): string {
  if (count === 0) return 'No problems';
  return count === 1 ? '1 problem' : `${count} problems`;
}
