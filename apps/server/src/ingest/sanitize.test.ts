import { describe, expect, it } from 'vitest';
import { storableJson, storableText } from './sanitize.js';

describe('storableText', () => {
  it('replaces NUL and lone surrogates with U+FFFD, and keeps whole pairs', () => {
    expect(storableText('a\u0000b')).toBe('a\uFFFDb');
    expect(storableText('x\uD83Dy')).toBe('x\uFFFDy');
    expect(storableText('\uDC00')).toBe('\uFFFD');
    expect(storableText('tea 🍵')).toBe('tea 🍵');
  });
});

describe('storableJson', () => {
  it('cleans keys and values at any depth and leaves other values alone', () => {
    expect(storableJson({ 'k\u0000': [{ v: 'a\uD800' }, 1, null, true] })).toEqual({ 'k\uFFFD': [{ v: 'a\uFFFD' }, 1, null, true] });
  });
});
