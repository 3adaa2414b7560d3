import { describe, expect, test } from 'vitest';
import { asRole, grantableRoles, memberControls, roleAllows, roleHint, tokenRoles, withArticle } from './roles';

describe('roleAllows', () => {
  test('each role includes the ones below it', () => {
    expect(roleAllows('owner', 'admin')).toBe(true);
    expect(roleAllows('admin', 'admin')).toBe(true);
    expect(roleAllows('marketer', 'admin')).toBe(false);
    expect(roleAllows('analyst', 'marketer')).toBe(false);
  });

  test('explains a refusal in the words the server uses', () => {
    expect(roleHint('marketer', 'admin')).toBe('Needs the admin role; you are a marketer.');
    expect(roleHint('analyst', 'marketer')).toBe('Needs the marketer role; you are an analyst.');
    expect(roleHint('owner', 'admin')).toBeNull();
    expect(withArticle('admin')).toBe('an admin');
  });
});

describe('what a role may hand out', () => {
  test('only an owner invites owners', () => {
    expect(grantableRoles('owner')).toEqual(['analyst', 'marketer', 'admin', 'owner']);
    expect(grantableRoles('admin')).toEqual(['analyst', 'marketer', 'admin']);
    expect(grantableRoles('marketer')).toEqual([]);
  });

  test('a token never has more rights than its creator', () => {
    expect(tokenRoles('admin')).toEqual(['analyst', 'marketer', 'admin']);
    expect(tokenRoles('owner')).toEqual(['analyst', 'marketer', 'admin', 'owner']);
    expect(tokenRoles('analyst')).toEqual([]);
  });
});

describe('memberControls', () => {
  test('admins change and remove members below owner', () => {
    expect(memberControls('admin', 'marketer', 1)).toEqual({ roleOptions: ['analyst', 'marketer', 'admin'], canRemove: true, hint: null });
  });

  test('only an owner touches an owner', () => {
    expect(memberControls('admin', 'owner', 2)).toMatchObject({ roleOptions: [], canRemove: false, hint: 'Only an owner can change or remove an owner.' });
    expect(memberControls('owner', 'owner', 2)).toMatchObject({ roleOptions: ['analyst', 'marketer', 'admin', 'owner'], canRemove: true });
  });

  test('the last owner stays an owner', () => {
    expect(memberControls('owner', 'owner', 1)).toEqual({
      roleOptions: [],
      canRemove: false,
      hint: 'A workspace keeps at least one owner: make someone else owner first.',
    });
  });

  test('marketers and analysts only read the list', () => {
    expect(memberControls('marketer', 'analyst', 1)).toMatchObject({ roleOptions: [], canRemove: false, hint: 'Only admins and owners manage members.' });
  });
});

describe('asRole', () => {
  test('reads a role from a select, and nothing else', () => {
    expect(asRole('admin')).toBe('admin');
    expect(asRole('root')).toBeNull();
  });
});
