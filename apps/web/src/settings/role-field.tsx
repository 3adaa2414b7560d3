import { asRole } from '../session/roles';
import type { Role } from '../trpc';
import { Field } from '../ui/field';

/** A "Role" select offering only the roles the signed-in member may hand out. */
export function RoleField({ value, roles, onChange }: { value: Role; roles: readonly Role[]; onChange: (role: Role) => void }) {
  return (
    <Field label="Role">
      {(control) => (
        <select {...control} className="select" value={value} onChange={(event) => onChange(asRole(event.target.value) ?? value)}>
          {roles.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
