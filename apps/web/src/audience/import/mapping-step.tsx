import { useQuery } from '@tanstack/react-query';
import { traitNameFor, withRole, type ColumnRole, type ColumnRoles, type ContactsMapping } from './contact-mapping';
import { previewContacts } from './upload';

/** What identifies a chosen file for the preview's cache: a new file (or a changed one) is read again. */
export function fileKey(file: File): string {
  return `${file.name}:${file.size}:${file.lastModified}`;
}

const rowsShown = 10;

/** The preview of a contacts file's header and first rows (no mapping): what the roles are guessed from. Idle without a file. */
export function useContactsPreview(file: File | null) {
  return useQuery({
    queryKey: ['imports', 'contacts-preview', file ? fileKey(file) : null],
    queryFn: () => previewContacts(file!),
    enabled: file !== null,
    staleTime: Infinity,
    retry: false,
  });
}

/**
 * The mapping step of a contacts CSV: the first rows under their columns, a choice per column
 * (user id, email, a trait, or skip), and each row as the mapping reads it: imported, or why not.
 */
export function MappingStep({ file, roles, mapping, problem, onRoles }: { file: File; roles: ColumnRoles; mapping: ContactsMapping | null; problem: string | null; onRoles: (roles: ColumnRoles) => void }) {
  const raw = useContactsPreview(file);
  const mapped = useQuery({
    queryKey: ['imports', 'contacts-preview', fileKey(file), mapping],
    queryFn: () => previewContacts(file, mapping ?? undefined),
    enabled: mapping !== null,
    staleTime: Infinity,
    retry: false,
  });
  const records = (raw.data?.records ?? []).slice(0, rowsShown);
  const verdict = (line: number) => mapped.data?.mapped?.find((row) => row.line === line);
  const set = (column: string, role: ColumnRole) => onRoles(withRole(roles, column, role));

  return (
    <section className="section" aria-labelledby="mapping-heading">
      <h2 id="mapping-heading">Columns</h2>
      <p className="muted small">Say what each column holds. Every contact needs a user id; the other columns become traits on their profile, or are skipped.</p>
      <div className="mapping-table-wrap">
        <table className="table table--compact mapping-table">
          <thead>
            <tr>
              <th className="num">Line</th>
              {roles.map(({ column, role }) => (
                <th key={column} scope="col">
                  <div className="mapping-column">
                    <code>{column}</code>
                    <select className="select" aria-label={`Column ${column}`} value={role.as} onChange={(event) => set(column, roleFor(event.target.value, column, role))}>
                      <option value="userId">User id</option>
                      <option value="email">Email</option>
                      <option value="trait">Trait</option>
                      <option value="skip">Skip</option>
                    </select>
                    {role.as === 'trait' && (
                      <input className="input" aria-label={`Trait name for ${column}`} value={role.name} onChange={(event) => set(column, { as: 'trait', name: event.target.value })} />
                    )}
                  </div>
                </th>
              ))}
              <th scope="col">As imported</th>
            </tr>
          </thead>
          <tbody>
            {records.map((record) => {
              const read = verdict(record.line);
              return (
                <tr key={record.line}>
                  <td className="num">{record.line}</td>
                  {'problem' in record ? (
                    <td colSpan={roles.length} className="error-text">
                      {record.problem}
                    </td>
                  ) : (
                    roles.map(({ column, role }) => (
                      <td key={column} className={role.as === 'skip' ? 'muted' : undefined}>
                        {record.record[column]}
                      </td>
                    ))
                  )}
                  <td className="small">
                    {!read ? <span className="muted">—</span> : 'problem' in read ? <span className="error-text">{read.problem}</span> : <span className="ok-text">OK</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {problem && <p className="error-text">{problem}</p>}
      {mapped.error && <p className="error-text">Could not check the mapping: {mapped.error.message}</p>}
    </section>
  );
}

function roleFor(as: string, column: string, current: ColumnRole): ColumnRole {
  if (as === 'userId' || as === 'email' || as === 'skip') return { as };
  return current.as === 'trait' ? current : { as: 'trait', name: traitNameFor(column) };
}
