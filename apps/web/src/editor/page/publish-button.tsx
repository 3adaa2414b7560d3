import type { Problem } from '@tend/journey/editor';
import { problemCount } from '../problems/problem-text';

/** "Publish", or "N problems" (disabled) while the journey cannot be published; the title says where. */
export function PublishButton({ problems, blocked, onClick }: { problems: readonly Problem[]; blocked: string | null; onClick: () => void }) {
  const where = [...new Set(problems.map((problem) => problem.nodeId ?? 'journey settings'))];
  const title =
    blocked ??
    (problems.length > 0
      ? `${problemCount(problems.length)} to fix before publishing, in: ${where.slice(0, 6).join(', ')}${where.length > 6 ? '…' : ''}`
      : 'Publish the draft as a new version');
  return (
    <button type="button" className="button button--primary" disabled={problems.length > 0 || blocked !== null} title={title} onClick={onClick}>
      {problems.length > 0 ? problemCount(problems.length) : 'Publish'}
    </button>
  );
}
