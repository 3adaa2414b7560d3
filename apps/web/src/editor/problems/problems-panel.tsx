import './problems.css';
import { useEditor, useEditorStore } from '../store/editor-store';
import { useProblems } from '../store/validation';
import { problemCount, problemLines } from './problem-text';

/**
 * Every reason the journey cannot be published yet, as `tend publish` would refuse it.
 * Clicking a step's problem selects that step and brings it into view.
 */
export function ProblemsPanel() {
  const store = useEditorStore();
  const problems = useProblems();
  const nodes = useEditor((state) => state.nodes);
  const catalogue = useEditor((state) => state.catalogue);
  const lines = problemLines(problems, nodes, catalogue);

  return (
    <section className="problems" aria-labelledby="problems-heading">
      <h2 id="problems-heading" className="problems__heading">
        {problemCount(problems.length)}
      </h2>
      {lines.length === 0 ? (
        <p className="muted small">The journey is ready to publish.</p>
      ) : (
        <ul className="problems__list">
          {lines.map((line, index) => (
            <li key={`${index}:${line.text}`}>
              {line.nodeId === null ? (
                <span className="problems__item problems__item--journey">{line.text}</span>
              ) : (
                <button
                  type="button"
                  className="problems__item"
                  onClick={() => line.nodeId !== null && store.getState().reveal(line.nodeId)}
                >
                  {line.text}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
