import { parseCondition } from '@tend/journey';
import type { Condition } from '@tend/journey/ir';
import { SegmentError } from './segment-error.js';
import { segmentProblems } from './segment-sql.js';

/**
 * A segment definition read as a journey condition (the same schema and messages as the branch
 * editor) that compiles to SQL, or a SegmentError listing every problem with its path inside
 * the definition, e.g. "conditions.1.value: gt compares numbers or dates…".
 */
export function parseSegmentDefinition(input: unknown): Condition {
  const parsed = parseCondition(input);
  if (!parsed.ok) throw new SegmentError('invalid', parsed.problems);
  const problems = segmentProblems(parsed.condition);
  if (problems.length > 0) throw new SegmentError('invalid', problems);
  return parsed.condition;
}
