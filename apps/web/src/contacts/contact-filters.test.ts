import { describe, expect, it } from 'vitest';
import { contactLabel, contactPageSize, describeFilters, listInput } from './contact-filters';

describe('listInput', () => {
  it('asks for the first page of everyone when nothing is filtered', () => {
    expect(listInput(undefined)).toEqual({ search: '', limit: contactPageSize });
  });

  it('passes each filter that is set, and leaves out a trait with no name', () => {
    expect(listInput({ search: 'ada', segment: 'vip', rfmGroup: 'Champions', trait: { name: 'plan', op: 'eq', value: 'pro' } })).toEqual({
      search: 'ada',
      segment: 'vip',
      rfmGroup: 'Champions',
      trait: { name: 'plan', op: 'eq', value: 'pro' },
      limit: contactPageSize,
    });
    expect(listInput({ trait: { name: '', op: 'eq', value: 'x' } })).toEqual({ search: '', limit: contactPageSize });
  });
});

describe('describeFilters', () => {
  it('says what the list is narrowed to, with segment names when known', () => {
    expect(describeFilters(undefined)).toBeNull();
    expect(describeFilters({ segment: 'vip', rfmGroup: 'At risk' }, (id) => (id === 'vip' ? 'VIP customers' : id))).toBe('in segment VIP customers, in RFM group "At risk"');
    expect(describeFilters({ search: 'ada', trait: { name: 'phone', op: 'not_exists', value: '' } })).toBe('matching "ada", phone is not set');
    expect(describeFilters({ trait: { name: 'plan', op: 'contains', value: 'pro' } })).toBe('plan contains "pro"');
  });
});

describe('contactLabel', () => {
  it('prefers a name, then an email, then the ids', () => {
    expect(contactLabel({ id: 'c1', name: 'Ada', email: 'ada@x.io', userId: 'ada' })).toBe('Ada');
    expect(contactLabel({ id: 'c1', name: null, email: 'ada@x.io', userId: 'ada' })).toBe('ada@x.io');
    expect(contactLabel({ id: 'c1', name: null, email: null, userId: 'ada' })).toBe('ada');
    expect(contactLabel({ id: 'c1', email: null, userId: null, anonymousId: 'anon-1' })).toBe('anon-1');
    expect(contactLabel({ id: 'c1', email: null, userId: null })).toBe('c1');
  });
});
