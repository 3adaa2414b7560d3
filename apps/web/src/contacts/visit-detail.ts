import { formatPredicted, predictedLabels } from '../audience/audience-format';

/**
 * Why a step of a contact's trail went the way it did, in words, from the visit's `detail`
 * (JSON the run records): the branch case that matched and on what value, the split path, why
 * a send was skipped, who moved or removed the contact and why. Keys it does not know are
 * shown as they are, so a new kind of detail is never hidden.
 */
export function visitDetailText(detail: Readonly<Record<string, unknown>> | null | undefined): string | null {
  if (!detail) return null;
  const rest: Record<string, unknown> = { ...detail };
  const take = (...keys: string[]): unknown => {
    for (const key of keys) {
      if (key in rest) {
        const value = rest[key];
        delete rest[key];
        if (value !== undefined && value !== null && value !== '') return value;
      }
    }
    return undefined;
  };
  const parts: string[] = [];
  const caseLabel = take('caseLabel', 'label', 'case', 'caseId');
  take('caseId', 'case');
  if (caseLabel !== undefined) parts.push(`matched ${quote(caseLabel)}`);
  const path = take('pathLabel', 'path', 'pathId');
  take('pathId', 'path');
  if (path !== undefined) parts.push(`path ${quote(path)}`);
  const evidence = take('evidence', 'matched', 'facts');
  if (isRecord(evidence)) parts.push(evidenceText(evidence));
  const to = take('to', 'toNodeId');
  const toVersion = take('toVersion');
  if (to !== undefined) parts.push(`to ${text(to)}${toVersion !== undefined ? ` of version ${text(toVersion)}` : ''}`);
  const by = take('by');
  if (by !== undefined) parts.push(`by ${text(by)}`);
  const reason = take('reason');
  if (reason !== undefined) parts.push(by !== undefined || to !== undefined ? `reason: ${quote(reason)}` : text(reason));
  const remaining = Object.keys(rest).length > 0 ? evidenceText(rest) : '';
  if (remaining) parts.push(remaining);
  return parts.length > 0 ? capitalise(parts.join('; ')) : null;
}

/**
 * What a condition looked at, as `conditionEvidence` (packages/journey/src/ir/condition-evidence.ts)
 * records it: "plan was "pro"", "Order Completed 3 times in 2 days".
 */
export function evidenceText(evidence: Readonly<Record<string, unknown>>): string {
  const { trait, value, event, eventCount, withinDays, since, segment, list, member, rfmGroup, measure, predicted, nodeId, opened, clicked, all, any, not, ...rest } = evidence;
  const parts: string[] = [];
  if (typeof trait === 'string') parts.push(value === null || value === undefined ? `${trait} not set` : `${trait} was ${quote(value)}`);
  else if (value !== undefined) parts.push(`value ${quote(value)}`);
  if (typeof event === 'string') {
    const count = typeof eventCount === 'number' ? eventCount : 0;
    const window = [typeof withinDays === 'number' && `in ${withinDays === 1 ? '1 day' : `${withinDays} days`}`, typeof since === 'string' && `since ${since}`].filter(Boolean);
    parts.push([`${event} ${count === 1 ? 'once' : `${count} times`}`, ...window].join(' '));
  }
  if (typeof segment === 'string') parts.push(`${member ? 'in' : 'not in'} segment ${segment}`);
  if (typeof list === 'string') parts.push(`${member ? 'on' : 'not on'} list ${list}`);
  if ('rfmGroup' in evidence) parts.push(typeof rfmGroup === 'string' ? `RFM group ${quote(rfmGroup)}` : 'no RFM group yet');
  if (typeof measure === 'string') {
    const label = (predictedLabels as Record<string, string>)[measure] ?? measure;
    parts.push(typeof predicted === 'number' ? `${label.toLowerCase()} ${formatPredicted(measure, predicted)}` : `no ${label.toLowerCase()} predicted yet`);
  }
  if (typeof nodeId === 'string') parts.push(`${nodeId} ${clicked ? 'clicked' : opened ? 'opened' : 'not opened'}`);
  if (Array.isArray(all)) parts.push(`(${all.filter(isRecord).map(evidenceText).join(' and ')})`);
  if (Array.isArray(any)) parts.push(`(${any.filter(isRecord).map(evidenceText).join(' or ')})`);
  if (isRecord(not)) parts.push(`not (${evidenceText(not)})`);
  for (const [key, other] of Object.entries(rest)) if (other !== undefined) parts.push(`${key}: ${text(other)}`);
  return parts.join(', ');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Strings in quotes (a value could be empty or padded), numbers and booleans as they are. */
function quote(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : text(value);
}

function capitalise(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
