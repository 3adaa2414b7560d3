import { Fragment } from 'react';
import { formatCount } from '../audience-format';
import { summaryFigures, summaryProblems } from './import-figures';

/** What the import did: its figures, and each row it refused with its line number. */
export function ImportSummary({ summary }: { summary: Readonly<Record<string, unknown>> }) {
  const figures = summaryFigures(summary);
  const problems = summaryProblems(summary);
  return (
    <section className="panel import-summary" aria-labelledby="import-summary-heading">
      <h2 id="import-summary-heading">Imported</h2>
      <dl className="facts">
        {figures.map((figure) => (
          <Fragment key={figure.key}>
            <dt>{figure.label}</dt>
            <dd>{formatCount(figure.value)}</dd>
          </Fragment>
        ))}
      </dl>
      {problems.length > 0 && (
        <>
          <h3>Rows not imported</h3>
          <p className="muted small">Line numbers count the header as line 1. The other rows were imported; fix these and import the file again (rows already imported are not duplicated).</p>
          <table className="table table--compact" aria-label="Rows not imported">
            <thead>
              <tr>
                <th className="num">Line</th>
                <th>Problem</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((problem) => (
                <tr key={`${problem.line}:${problem.problem}`}>
                  <td className="num">{problem.line}</td>
                  <td>{problem.problem}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
