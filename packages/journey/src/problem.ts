/** One reason a journey cannot be published, pointing at the node and field to fix. */
export interface Problem {
  /** The node at fault; absent for problems with the journey as a whole. */
  nodeId?: string;
  /** Dotted path of the field inside the node's config (or the file), e.g. "subject". */
  field?: string;
  message: string;
}

export function formatProblem(problem: Problem): string {
  const where = [problem.nodeId && `node "${problem.nodeId}"`, problem.field].filter(Boolean).join(' ');
  return where ? `${where}: ${problem.message}` : problem.message;
}
