/**
 * What a merge moved, in words, from the detail it recorded (see MergeDetail in
 * @tend/audience): "moved 3 events, 1 list membership; ended its run in welcome; took plan".
 * Keys it does not know are shown as they are.
 */
export function mergeDetailText(detail: Readonly<Record<string, unknown>>): string {
  const { moved, endedRuns, keptRuns, traitsTaken, droppedIdentities, ...rest } = detail;
  const parts: string[] = [];
  if (isRecord(moved)) {
    const counts = Object.entries(moved)
      .filter((entry): entry is [string, number] => typeof entry[1] === 'number' && entry[1] > 0)
      .map(([table, count]) => `${count} ${noun(table, count)}`);
    if (counts.length > 0) parts.push(`moved ${counts.join(', ')}`);
  }
  const ended = Array.isArray(endedRuns) ? endedRuns.map((run) => (isRecord(run) && typeof run.journeyId === 'string' ? run.journeyId : null)).filter(Boolean) : [];
  if (ended.length > 0) parts.push(`ended its run in ${ended.join(', ')}`);
  if (Array.isArray(keptRuns) && keptRuns.length > 0) parts.push(`kept this profile's run in ${keptRuns.join(', ')}`);
  if (Array.isArray(traitsTaken) && traitsTaken.length > 0) parts.push(`took ${traitsTaken.join(', ')}`);
  if (isRecord(droppedIdentities)) {
    const dropped = Object.entries(droppedIdentities).filter(([, value]) => typeof value === 'string').map(([key, value]) => `${key} ${String(value)}`);
    if (dropped.length > 0) parts.push(`dropped ${dropped.join(', ')}`);
  }
  for (const [key, value] of Object.entries(rest)) parts.push(`${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return parts.length > 0 ? parts.join('; ') : 'nothing to move';
}

/** "events" → "3 events" / "1 event"; "list_memberships" → "list memberships". */
function noun(table: string, count: number): string {
  const words = table.replace(/_/g, ' ');
  return count === 1 ? words.replace(/s$/, '') : words;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
