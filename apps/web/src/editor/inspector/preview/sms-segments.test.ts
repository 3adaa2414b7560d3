import { describe, expect, it } from 'vitest';
import { smsSegments } from './sms-segments';

describe('smsSegments', () => {
  it('fits 160 GSM characters in one part and 153 per part after', () => {
    expect(smsSegments('a'.repeat(160))).toEqual({ characters: 160, encoding: 'GSM-7', segments: 1 });
    expect(smsSegments('a'.repeat(161)).segments).toBe(2);
    expect(smsSegments('a'.repeat(306)).segments).toBe(2);
    expect(smsSegments('').segments).toBe(0);
  });

  it('counts extension characters twice', () => {
    expect(smsSegments('€10').characters).toBe(4);
  });

  it('switches the whole message to UCS-2 for one emoji', () => {
    expect(smsSegments('Hi 👋')).toEqual({ characters: 5, encoding: 'UCS-2', segments: 1 });
    expect(smsSegments('ł'.repeat(71)).segments).toBe(2);
  });
});
