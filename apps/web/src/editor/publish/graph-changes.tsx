import type { ChangeLine } from './change-lines';
import './publish.css';

const marks: Record<ChangeLine['kind'], string> = {
  added: '+',
  changed: '~',
  removed: '−',
  connected: '+',
  disconnected: '−',
  settings: '~',
};

/** A diff as a list, each line marked by kind (colour and sign, so it reads without colour too). */
export function GraphChanges({ lines, label }: { lines: readonly ChangeLine[]; label: string }) {
  return (
    <ul className="graph-changes" aria-label={label}>
      {lines.map((line, index) => (
        <li key={`${line.kind}-${index}`} className={`graph-changes__line graph-changes__line--${line.kind}`}>
          <span className="graph-changes__mark" aria-hidden="true">
            {marks[line.kind]}
          </span>
          {line.text}
        </li>
      ))}
    </ul>
  );
}
