import { eventCountKey, getPath, type Condition, type ConditionFacts } from './conditions.js';

/**
 * What a condition looked at for this contact, as JSON for the contact's trail: why a branch
 * took a case ("plan was pro", "3 orders"). Pure, like the evaluator it explains.
 *
 * @example
 * conditionEvidence({ kind: 'attribute', attribute: 'plan', op: 'eq', value: 'pro' }, facts)
 * // → { trait: 'plan', value: 'pro' }
 */
export function conditionEvidence(condition: Condition, facts: ConditionFacts): Record<string, unknown> {
  switch (condition.kind) {
    case 'attribute':
      return { trait: condition.attribute, value: getPath(facts.profile, condition.attribute) ?? null };
    case 'event-count':
      return {
        event: condition.event,
        ...(condition.withinDays !== undefined && { withinDays: condition.withinDays }),
        ...(condition.since !== undefined && { since: condition.since }),
        eventCount: facts.eventCounts[eventCountKey(condition)] ?? 0,
      };
    case 'segment':
      return { segment: condition.segment, member: facts.segments.includes(condition.segment) };
    case 'list':
      return { list: condition.list, member: facts.lists.includes(condition.list) };
    case 'rfm':
      return { rfmGroup: facts.rfmGroup };
    case 'predicted':
      return { measure: condition.measure, predicted: facts.predicted?.[condition.measure] ?? null };
    case 'engagement': {
      const seen = facts.engagement[condition.nodeId];
      return { nodeId: condition.nodeId, opened: seen ? seen.opened || seen.clicked : false, clicked: seen?.clicked ?? false };
    }
    case 'all':
    case 'any':
      return { [condition.kind]: condition.conditions.map((inner) => conditionEvidence(inner, facts)) };
    case 'not':
      return { not: conditionEvidence(condition.condition, facts) };
    default:
      return {};
  }
}
