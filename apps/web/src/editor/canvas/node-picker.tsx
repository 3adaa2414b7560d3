import type { CatalogueEntry } from '@tend/journey/editor';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { groupLooks, searchCatalogue } from './node-look';

/**
 * A small searchable list of node types, for the "+" buttons: type to filter, arrows to
 * move, Enter to choose, Escape to close. Triggers are left out: a step inserted into a flow
 * is never an entry.
 */
export function NodePicker({
  catalogue,
  onChoose,
  onClose,
}: {
  catalogue: readonly CatalogueEntry[];
  onChoose: (entry: CatalogueEntry) => void;
  onClose: () => void;
}) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const options = useMemo(
    () => searchCatalogue(catalogue, query).filter((entry) => entry.category !== 'trigger'),
    [catalogue, query],
  );
  const current = options[Math.min(active, options.length - 1)];

  useEffect(() => input.current?.focus(), []);

  return (
    <div
      className="node-picker nodrag nopan nowheel"
      role="dialog"
      aria-label="Choose a step to insert"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <label className="node-picker__search">
        <span className="visually-hidden">Search steps</span>
        <input
          ref={input}
          type="search"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={current ? `${listId}-${current.type}` : undefined}
          placeholder="Search steps…"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              setActive((index) => Math.min(index + 1, options.length - 1));
            } else if (event.key === 'ArrowUp') {
              event.preventDefault();
              setActive((index) => Math.max(index - 1, 0));
            } else if (event.key === 'Enter' && current) {
              event.preventDefault();
              onChoose(current);
            }
          }}
        />
      </label>
      <ul id={listId} role="listbox" aria-label="Steps" className="node-picker__list">
        {options.length === 0 && <li className="muted small node-picker__empty">No step matches “{query}”.</li>}
        {options.map((entry) => (
          <li
            key={entry.type}
            id={`${listId}-${entry.type}`}
            role="option"
            aria-selected={entry === current}
            className={`node-picker__option node-picker__option--${entry.group}`}
            title={entry.description}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onChoose(entry)}
          >
            <span aria-hidden="true" className="node-picker__icon">
              {groupLooks[entry.group].icon}
            </span>
            {entry.title}
          </li>
        ))}
      </ul>
    </div>
  );
}
