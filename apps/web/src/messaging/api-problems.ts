/**
 * A refused save, read back onto the form. tRPC sends a failed input check as zod's issues in
 * JSON, each with its path (["email", "cap", "count"]) and a message written for people; each
 * lands on the field of its dotted path ("email.cap.count"). Anything else (a refusal without
 * a path, another error) is kept as a message for the whole form.
 */
export interface ApiProblems {
  byField: Record<string, string>;
  general: string[];
}

export function apiProblems(error: { message: string } | null | undefined): ApiProblems {
  const problems: ApiProblems = { byField: {}, general: [] };
  if (!error) return problems;
  const issues = issuesIn(error.message);
  if (!issues) return { byField: {}, general: [error.message] };
  for (const issue of issues) {
    const path = issue.path.join('.');
    if (path) problems.byField[path] ??= issue.message;
    else problems.general.push(issue.message);
  }
  return problems;
}

function issuesIn(message: string): { path: (string | number)[]; message: string }[] | null {
  if (!message.trimStart().startsWith('[')) return null;
  try {
    const parsed: unknown = JSON.parse(message);
    if (!Array.isArray(parsed) || parsed.length === 0) return null;
    const issues = parsed.map((issue: unknown) => {
      if (typeof issue !== 'object' || issue === null || !('message' in issue) || typeof issue.message !== 'string') return null;
      const path = 'path' in issue && Array.isArray(issue.path) ? issue.path.filter((part): part is string | number => typeof part === 'string' || typeof part === 'number') : [];
      return { path, message: issue.message };
    });
    return issues.every((issue) => issue !== null) ? issues : null;
  } catch {
    return null;
  }
}

/**
 * The problem of a field, or of the group it belongs to: "email.cap" is shown at the count
 * when the cap as a whole was refused.
 */
export function problemAt(problems: ApiProblems, ...paths: string[]): string | undefined {
  for (const path of paths) if (problems.byField[path]) return problems.byField[path];
  return undefined;
}

/** The problems no field on the form shows (a path the form does not have), so none is lost. */
export function unplacedProblems(problems: ApiProblems, shown: ReadonlySet<string>): string[] {
  const unplaced = Object.entries(problems.byField)
    .filter(([path]) => !shown.has(path))
    .map(([path, message]) => `${path}: ${message}`);
  return [...problems.general, ...unplaced];
}
