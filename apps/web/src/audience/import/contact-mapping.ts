/**
 * The mapping step of a contacts CSV: what each column of the file becomes (the user id, the
 * email, a trait, or nothing), guessed from the header and changed by the marketer, and the
 * mapping the import endpoint takes ({ userId, email?, traits? }, see ContactsCsvMapping).
 */

export type ColumnRole = { as: 'skip' } | { as: 'userId' } | { as: 'email' } | { as: 'trait'; name: string };

/** By column name, in the file's order. */
export type ColumnRoles = ReadonlyArray<{ column: string; role: ColumnRole }>;

export interface ContactsMapping {
  userId: string;
  email?: string;
  traits?: Record<string, string>;
}

const userIdNames = ['userid', 'customerid', 'user', 'customer', 'id', 'externalid', 'contactid'];
const emailNames = ['email', 'mail', 'emailaddress'];

/** "First Name", "first_name" → "firstName": how a trait is usually named. */
export function traitNameFor(column: string): string {
  const words = column
    .trim()
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  if (words.length === 1 && /[a-z][A-Z]/.test(words[0]!)) return words[0]!.charAt(0).toLowerCase() + words[0]!.slice(1);
  return words.map((word, index) => (index === 0 ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())).join('');
}

const squash = (column: string) => column.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * A first mapping from the header: the likeliest user id and email columns, every other column
 * a trait of its own name. The marketer checks it against the rows below before importing.
 */
export function guessRoles(columns: readonly string[]): ColumnRoles {
  const pick = (names: readonly string[], taken?: string) => {
    for (const name of names) {
      const found = columns.find((column) => column !== taken && squash(column) === name);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const userId = pick(userIdNames);
  const email = pick(emailNames, userId);
  return columns.map((column) => ({
    column,
    role: column === userId ? { as: 'userId' } : column === email ? { as: 'email' } : { as: 'trait', name: traitNameFor(column) },
  }));
}

/** One column's new role; the user id and the email are one column each, so another holding it is skipped. */
export function withRole(roles: ColumnRoles, column: string, role: ColumnRole): ColumnRoles {
  const single = role.as === 'userId' || role.as === 'email';
  return roles.map((entry) => {
    if (entry.column === column) return { column, role };
    if (single && entry.role.as === role.as) return { column: entry.column, role: { as: 'skip' } };
    return entry;
  });
}

/** The mapping to send, or why there is none yet. */
export function mappingOf(roles: ColumnRoles): { mapping: ContactsMapping } | { problem: string } {
  const userId = roles.find((entry) => entry.role.as === 'userId')?.column;
  if (userId === undefined) return { problem: 'Choose the column that holds each contact’s user id.' };
  const email = roles.find((entry) => entry.role.as === 'email')?.column;
  const traits: Record<string, string> = {};
  for (const { column, role } of roles) {
    if (role.as !== 'trait') continue;
    const name = role.name.trim();
    if (name === '') return { problem: `Name the trait that column “${column}” fills, or skip it.` };
    if (name in traits) return { problem: `Two columns fill the trait “${name}”: rename one, or skip it.` };
    traits[name] = column;
  }
  return { mapping: { userId, ...(email !== undefined && { email }), ...(Object.keys(traits).length > 0 && { traits }) } };
}
