import './palette.css';
import { newNodeOf, paletteDragType } from '../canvas/journey-canvas';
import { groupCatalogue, groupLooks, groupTitles } from '../canvas/node-look';
import { useEditor, useEditorStore } from '../store/editor-store';

/**
 * Node types by palette group. Drag one onto the canvas to place it there; click it (or
 * Enter) to add it after the selected step when that step has a free output, else under the
 * lowest step. Custom nodes from the server's TEND_NODES come with the catalogue.
 */
export function Palette() {
  const store = useEditorStore();
  const catalogue = useEditor((state) => state.catalogue);
  const groups = groupCatalogue(catalogue);

  return (
    <nav className="palette" aria-label="Steps to add">
      <h2 className="palette__heading">Add a step</h2>
      {groups.length === 0 && <p className="muted small">Loading the node catalogue…</p>}
      {groups.map(({ group, entries }) => (
        <section key={group} className="palette__group" aria-label={groupTitles[group]}>
          <h3 className="palette__group-title">{groupTitles[group]}</h3>
          <ul className="palette__items">
            {entries.map((entry) => (
              <li key={entry.type}>
                <button
                  type="button"
                  className={`palette__item palette__item--${group}`}
                  title={entry.description}
                  draggable
                  onDragStart={(event) => {
                    event.dataTransfer.setData(paletteDragType, JSON.stringify({ type: entry.type, version: entry.version }));
                    event.dataTransfer.effectAllowed = 'copy';
                  }}
                  onClick={() => {
                    const id = store.getState().appendNode(newNodeOf(entry));
                    if (id) store.getState().reveal(id);
                  }}
                >
                  <span aria-hidden="true" className="palette__icon">
                    {groupLooks[group].icon}
                  </span>
                  {entry.title}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
