import type { ContactFilters, TraitFilterOp } from '../routing/route';

/** What contacts.list takes for a page of the filtered list. */
export interface ContactListInput {
  search: string;
  segment?: string;
  rfmGroup?: string;
  trait?: { name: string; op: TraitFilterOp; value: string };
  limit: number;
  after?: string;
}

export const contactPageSize = 50;

export function listInput(filters: ContactFilters | undefined): ContactListInput {
  return {
    search: filters?.search ?? '',
    ...(filters?.segment && { segment: filters.segment }),
    ...(filters?.rfmGroup && { rfmGroup: filters.rfmGroup }),
    ...(filters?.trait?.name && { trait: filters.trait }),
    limit: contactPageSize,
  };
}

export const traitOpLabels: Record<TraitFilterOp, string> = {
  eq: 'is',
  neq: 'is not',
  contains: 'contains',
  exists: 'is set',
  not_exists: 'is not set',
};

/** "in segment vip, RFM group "At risk", plan is "pro"": what the list is narrowed to, in words. */
export function describeFilters(filters: ContactFilters | undefined, segmentName?: (id: string) => string): string | null {
  if (!filters) return null;
  const parts: string[] = [];
  if (filters.search) parts.push(`matching "${filters.search}"`);
  if (filters.segment) parts.push(`in segment ${segmentName?.(filters.segment) ?? filters.segment}`);
  if (filters.rfmGroup) parts.push(`in RFM group "${filters.rfmGroup}"`);
  if (filters.trait?.name) {
    const { name, op, value } = filters.trait;
    parts.push(op === 'exists' || op === 'not_exists' ? `${name} ${traitOpLabels[op]}` : `${name} ${traitOpLabels[op]} "${value}"`);
  }
  return parts.length > 0 ? parts.join(', ') : null;
}

/** Who a contact is, for a list or a heading: their name, else email, else an id. */
export function contactLabel(contact: { id: string; name?: string | null; email: string | null; userId: string | null; anonymousId?: string | null }): string {
  return contact.name || contact.email || contact.userId || contact.anonymousId || contact.id;
}
