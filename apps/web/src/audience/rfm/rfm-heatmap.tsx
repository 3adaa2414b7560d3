import { formatAmount, formatCount } from '../audience-format';
import type { RfmGridCell } from '../audience-types';
import { cellShade, heatmapRows, maxContacts, scores, type HeatCell } from './heatmap-scale';

/**
 * The R×F grid as a heatmap: recency down (5, most recent, at the top), frequency across (5,
 * most frequent, on the right), each cell shaded by its contacts. Hovering or focusing a cell shows
 * its contacts, money spent and group; choosing it offers its group's actions.
 */
export function RfmHeatmap({ grid, selected, onSelect }: { grid: readonly RfmGridCell[]; selected: { r: number; f: number } | null; onSelect: (cell: HeatCell) => void }) {
  const max = maxContacts(grid);
  return (
    <table className="heatmap">
      <caption className="visually-hidden">Contacts by recency score (rows) and frequency score (columns)</caption>
      <thead>
        <tr>
          <th scope="col" className="heatmap__corner">
            <span className="heatmap__axis">R ↓ F →</span>
          </th>
          {scores.map((f) => (
            <th key={f} scope="col">
              F {f}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {heatmapRows(grid).map((row) => (
          <tr key={row[0]!.r}>
            <th scope="row">R {row[0]!.r}</th>
            {row.map((cell) => {
              const shade = cellShade(cell.contacts, max);
              const summary = `R ${cell.r}, F ${cell.f}: ${cell.group}, ${formatCount(cell.contacts)} ${cell.contacts === 1 ? 'contact' : 'contacts'}, ${formatAmount(cell.monetary)} spent`;
              return (
                <td key={cell.f}>
                  <button
                    type="button"
                    className="heatmap__cell"
                    style={{ background: shade.background, color: shade.color }}
                    aria-label={summary}
                    aria-pressed={selected?.r === cell.r && selected.f === cell.f}
                    onClick={() => onSelect(cell)}
                  >
                    <span className="heatmap__count">{formatCount(cell.contacts)}</span>
                    <span className="heatmap__group">{cell.group}</span>
                    <span className="heatmap__tip" role="tooltip">
                      <strong>{cell.group}</strong>
                      <br />
                      R {cell.r} · F {cell.f}
                      <br />
                      {formatCount(cell.contacts)} {cell.contacts === 1 ? 'contact' : 'contacts'}
                      <br />
                      {formatAmount(cell.monetary)} spent
                    </span>
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
