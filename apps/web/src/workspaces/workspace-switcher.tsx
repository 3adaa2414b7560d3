import { useState } from 'react';
import { routeInAnotherWorkspace } from '../routing/route';
import { navigate, useRoute } from '../routing/use-route';
import { switchWorkspace } from '../session/session-actions';
import { useSession } from '../session/session-context';
import { Dialog } from '../ui/dialog';
import { NewWorkspaceForm } from './new-workspace-form';

/** The workspaces the user belongs to, with their role in each, and a way to make a new one. */
export function WorkspaceSwitcher() {
  const { user, workspace } = useSession();
  const route = useRoute();
  const [creating, setCreating] = useState(false);
  return (
    <div className="workspace-switcher">
      <select
        className="select"
        aria-label="Workspace"
        value={workspace.id}
        onChange={(event) => {
          // A journey or contact of one workspace does not exist in another: go to the list.
          const next = routeInAnotherWorkspace(route);
          if (next !== route && next.page !== 'not-found') navigate(next);
          switchWorkspace(event.target.value);
        }}
      >
        {user.workspaces.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name} ({option.role})
          </option>
        ))}
      </select>
      <button type="button" className="button button--small" onClick={() => setCreating(true)}>
        New workspace
      </button>
      <Dialog open={creating} title="New workspace" onClose={() => setCreating(false)}>
        <NewWorkspaceForm onCancel={() => setCreating(false)} />
      </Dialog>
    </div>
  );
}
