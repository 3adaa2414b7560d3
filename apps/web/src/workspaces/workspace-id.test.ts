import { describe, expect, test } from 'vitest';
import { workspaceIdFrom, workspaceIdPattern } from './workspace-id';

describe('workspaceIdFrom', () => {
  test('turns a name into an id the server accepts', () => {
    expect(workspaceIdFrom('Café Shop (EU)')).toBe('cafe-shop-eu');
    expect(workspaceIdFrom('  Acme   Inc.  ')).toBe('acme-inc');
    expect(workspaceIdPattern.test(workspaceIdFrom('Café Shop (EU)'))).toBe(true);
  });

  test('stays within 39 characters without a trailing dash', () => {
    const id = workspaceIdFrom('a'.repeat(38) + ' b');
    expect(id).toBe('a'.repeat(38));
    expect(workspaceIdFrom('x'.repeat(50))).toHaveLength(39);
  });

  test('is empty when the name has no letters or digits', () => {
    expect(workspaceIdFrom('!!!')).toBe('');
  });
});
