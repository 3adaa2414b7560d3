import { describe, expect, it } from 'vitest';
import { guessRoles, mappingOf, traitNameFor, withRole } from './contact-mapping';

describe('traitNameFor', () => {
  it('names traits as profiles usually do', () => {
    expect(traitNameFor('first_name')).toBe('firstName');
    expect(traitNameFor('First Name')).toBe('firstName');
    expect(traitNameFor('Country')).toBe('country');
    expect(traitNameFor('lastName')).toBe('lastName');
    expect(traitNameFor('PLAN')).toBe('plan');
  });
});

describe('guessRoles', () => {
  it('finds the user id and email columns and makes the others traits', () => {
    expect(guessRoles(['customer_id', 'Mail', 'first_name', 'Country'])).toEqual([
      { column: 'customer_id', role: { as: 'userId' } },
      { column: 'Mail', role: { as: 'email' } },
      { column: 'first_name', role: { as: 'trait', name: 'firstName' } },
      { column: 'Country', role: { as: 'trait', name: 'country' } },
    ]);
  });

  it('prefers an explicit user id column over a bare "id"', () => {
    const roles = guessRoles(['id', 'user_id', 'email']);
    expect(roles.find((entry) => entry.role.as === 'userId')?.column).toBe('user_id');
  });
});

describe('withRole and mappingOf', () => {
  const roles = guessRoles(['customer_id', 'email', 'first_name', 'notes']);

  it('builds the mapping the import endpoint takes', () => {
    const mapping = mappingOf(withRole(roles, 'notes', { as: 'skip' }));
    expect(mapping).toEqual({ mapping: { userId: 'customer_id', email: 'email', traits: { firstName: 'first_name' } } });
  });

  it('keeps one user id column: choosing another skips the first', () => {
    const moved = withRole(roles, 'email', { as: 'userId' });
    expect(moved.map((entry) => entry.role.as)).toEqual(['skip', 'userId', 'trait', 'trait']);
    expect(mappingOf(moved)).toEqual({ mapping: { userId: 'email', traits: { firstName: 'first_name', notes: 'notes' } } });
  });

  it('says what is missing: a user id, a trait name, or a trait filled twice', () => {
    expect(mappingOf(withRole(roles, 'customer_id', { as: 'skip' }))).toEqual({ problem: 'Choose the column that holds each contact’s user id.' });
    expect(mappingOf(withRole(roles, 'notes', { as: 'trait', name: ' ' }))).toEqual({ problem: 'Name the trait that column “notes” fills, or skip it.' });
    expect(mappingOf(withRole(roles, 'notes', { as: 'trait', name: 'firstName' }))).toEqual({ problem: 'Two columns fill the trait “firstName”: rename one, or skip it.' });
  });
});
