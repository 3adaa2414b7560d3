import { specsFromCatalogue, validateJourney, type CatalogueEntry, type NodeSpec, type Problem } from '@tend/journey/editor';
import type { EditorState } from './editor-store';
import { useEditor } from './editor-store';
import { sameContent, type HistoryState } from './history';
import { writeGraph } from './read-graph';

export type { Problem } from '@tend/journey/editor';

const specsCache = new WeakMap<readonly CatalogueEntry[], NodeSpec[]>();

function customSpecs(catalogue: readonly CatalogueEntry[]): NodeSpec[] {
  let specs = specsCache.get(catalogue);
  if (!specs) {
    specs = specsFromCatalogue(catalogue);
    specsCache.set(catalogue, specs);
  }
  return specs;
}

interface Validated {
  content: HistoryState;
  catalogue: readonly CatalogueEntry[];
  templates: EditorState['templates'];
  topics: EditorState['topics'];
  problems: Problem[];
  byNode: Map<string, Problem[]>;
}

/**
 * The last validation per store state shape: selectors run on every store change (a drag,
 * a selection), and the journey is validated again only when its content, the catalogue, the
 * templates or the topics changed. Moving a node changes nothing the validator reads.
 */
let last: Validated | null = null;

/** Whether `previous` read everything of `state` the validator reads. */
function isCurrent(previous: Validated, state: EditorState): boolean {
  const sameInputs = previous.catalogue === state.catalogue && previous.templates === state.templates && previous.topics === state.topics;
  return sameInputs && sameContent(previous.content, state, { positions: false });
}

function validated(state: EditorState): Validated {
  if (last && isCurrent(last, state)) return last;
  // With the library and the topics, a step naming a missing or unpublished template, or no topic, shows it now, as publish would refuse it.
  const { problems } = validateJourney(writeGraph(state), { nodes: customSpecs(state.catalogue), templates: state.templates, topics: state.topics });
  const byNode = new Map<string, Problem[]>();
  for (const problem of problems) {
    if (problem.nodeId === undefined) continue;
    byNode.set(problem.nodeId, [...(byNode.get(problem.nodeId) ?? []), problem]);
  }
  last = { content: { meta: state.meta, nodes: state.nodes, edges: state.edges }, catalogue: state.catalogue, templates: state.templates, topics: state.topics, problems, byNode };
  return last;
}

/** Every reason the journey cannot be published, as `tend publish` would say it. */
export function problemsOf(state: EditorState): Problem[] {
  return validated(state).problems;
}

const none: Problem[] = [];

export function useProblems(): Problem[] {
  return useEditor(problemsOf);
}

export function useNodeProblems(nodeId: string): Problem[] {
  return useEditor((state) => validated(state).byNode.get(nodeId) ?? none);
}
