import type { ReactNode } from 'react';

/** The last column of a table whose rows have buttons: named for screen readers, blank on screen. */
export function ActionsHeader() {
  return (
    <th>
      <span className="visually-hidden">Actions</span>
    </th>
  );
}

/**
 * A row's button that removes, revokes or leaves something. It only opens the confirm dialog
 * (hence the "…"); `label` names the row for screen readers where every row says the same.
 */
export function RemoveRowButton({ onClick, label, disabled, children = 'Remove…' }: { onClick: () => void; label?: string; disabled?: boolean; children?: ReactNode }) {
  return (
    <button type="button" className="button button--small button--danger-outline" aria-label={label} disabled={disabled} onClick={onClick}>
      {children}
    </button>
  );
}
