import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { roleHint } from '../../session/roles';
import { useSession } from '../../session/session-context';
import { trpc } from '../../trpc';
import { ImportForm } from './import-form';
import { PastImports } from './past-imports';
import { AudienceNav } from '../audience-nav';
import '../audience.css';

/** While an import runs its record is re-read this often, for the rows it has done. */
const runningPollMs = 1_000;

/** Upload a contacts CSV (with a column mapping) or the Online Retail log, and see past imports. */
export function ImportPage() {
  const { workspace } = useSession();
  const [running, setRunning] = useState(false);
  const imports = useQuery(trpc.imports.list.queryOptions(undefined, { refetchInterval: running ? runningPollMs : false }));
  const why = roleHint(workspace.role, 'marketer');
  return (
    <div className="page page--wide">
      <AudienceNav current="import" />
      <header className="page__header">
        <h1>Import</h1>
        <p className="muted">
          Bring in contacts or an order history from a file. Files are streamed, never held whole; importing the same file again adds nothing, and an import
          stopped half-way resumes where it stopped.
        </p>
      </header>
      {why ? <p className="muted panel">{why} Marketers and above import files.</p> : <ImportForm imports={imports.data} onRunning={setRunning} />}
      <PastImports imports={imports} />
    </div>
  );
}
