/** One reason a segment definition is refused: the dotted path of the field at fault ("conditions.1.value") and the fix. */
export interface SegmentProblem {
  path: string;
  message: string;
}

/**
 * Why a segment operation was refused. `invalid`: the definition (or id) is wrong, and
 * `problems` says where; `not-found`: no such segment; `conflict`: the id is taken, or other
 * segments still use the one being deleted. The API maps these to its own error codes.
 */
export class SegmentError extends Error {
  constructor(
    readonly reason: 'invalid' | 'not-found' | 'conflict',
    readonly problems: SegmentProblem[],
  ) {
    super(problems.map((problem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message)).join('; '));
    this.name = 'SegmentError';
  }
}
