import { describe, expect, it } from 'vitest';
import { liquidProperties, minimalChange } from './liquid-completions';

const names = {
  traits: [{ name: 'plan', example: 'pro' }, { name: 'email', example: 'ada@example.com' }],
  eventProperties: [{ name: 'cartId', example: 'c-1' }],
};

describe('liquidProperties', () => {
  it('offers the basics and the workspace traits once each after contact.', () => {
    const labels = liquidProperties(['contact'], names).map((completion) => completion.label);
    expect(labels).toContain('firstName');
    expect(labels).toContain('plan');
    expect(labels.filter((label) => label === 'email')).toHaveLength(1);
  });

  it('offers the entry event name and properties', () => {
    expect(liquidProperties(['event'], names).map((completion) => completion.label)).toEqual(['name', 'properties']);
    expect(liquidProperties(['event', 'properties'], names)).toEqual([{ label: 'cartId', type: 'property', detail: 'c-1' }]);
    expect(liquidProperties(['secrets'], names)).toEqual([]);
  });
});

describe('minimalChange', () => {
  it('replaces only what differs', () => {
    expect(minimalChange('Hello {{ contact.name }}', 'Hello {{ contact.firstName }}')).toEqual({ from: 17, to: 18, insert: 'firstN' });
    expect(minimalChange('abc', 'abc')).toBeNull();
    expect(minimalChange('aaa', 'aa')).toEqual({ from: 2, to: 3, insert: '' });
    expect(minimalChange('', 'x')).toEqual({ from: 0, to: 0, insert: 'x' });
  });
});
