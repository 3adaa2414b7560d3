import { describe, expect, test } from 'vitest';
import { templateIdFrom, templateIdProblem } from './template-id';

describe('a library item’s id', () => {
  test('comes from its name as a slug', () => {
    expect(templateIdFrom('Order shipped!')).toBe('order-shipped');
    expect(templateIdFrom('Bienvenue à bord')).toBe('bienvenue-a-bord');
  });

  test('is checked as the server checks it', () => {
    expect(templateIdProblem('welcome_2')).toBeNull();
    expect(templateIdProblem('')).toBe('Give it an id, e.g. "welcome".');
    expect(templateIdProblem('-welcome')).toMatch(/starting with a letter or digit/);
    expect(templateIdProblem('Welcome')).toMatch(/lower-case/);
    expect(templateIdProblem('a'.repeat(64))).not.toBeNull();
  });
});
