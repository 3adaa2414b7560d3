import { describe, expect, it } from 'vitest';
import { phoneOf } from './phone.js';

describe('phoneOf', () => {
  it('reads an international number however it is written', () => {
    expect(phoneOf({ phone: '+1 (415) 555-0123' })).toEqual({ phone: '+14155550123' });
    expect(phoneOf({ phone: '+44 7700 900123', country: 'US' })).toEqual({ phone: '+447700900123' });
    expect(phoneOf({ phone: '+49 151 1234 5678' })).toEqual({ phone: '+4915112345678' });
  });

  it('reads a national number with the contact\'s country trait', () => {
    expect(phoneOf({ phone: '07700 900123', country: 'GB' })).toEqual({ phone: '+447700900123' });
    expect(phoneOf({ phone: '(415) 555-0123', country: 'us' })).toEqual({ phone: '+14155550123' });
    expect(phoneOf({ phone: '06 12 34 56 78', country: 'FR' })).toEqual({ phone: '+33612345678' });
    // Dialled from France, 00 starts an international number.
    expect(phoneOf({ phone: '0049 151 12345678', country: 'FR' })).toEqual({ phone: '+4915112345678' });
  });

  it('skips a national number without a country, saying how to fix it', () => {
    expect(phoneOf({ phone: '07700 900123' })).toEqual({
      skip: "the contact's phone number is not in international form: write it with + and the country code (e.g. +14155550123), or set the contact's country trait (e.g. GB)",
    });
  });

  it('skips a national number whose country trait is not an ISO code', () => {
    expect(phoneOf({ phone: '07700 900123', country: 'England' })).toEqual({ skip: expect.stringContaining('country trait is not an ISO 3166 country code') });
    // An international number does not need the country.
    expect(phoneOf({ phone: '+447700900123', country: 'England' })).toEqual({ phone: '+447700900123' });
  });

  it('skips a number with too few or too many digits', () => {
    expect(phoneOf({ phone: '+44 7700' })).toEqual({ skip: "the contact's phone number has the wrong number of digits for +44: check the phone trait" });
    expect(phoneOf({ phone: '555 12', country: 'US' })).toMatchObject({ skip: expect.stringContaining('wrong number of digits for +1') });
    expect(phoneOf({ phone: 'call me', country: 'US' })).toMatchObject({ skip: expect.stringContaining('cannot be read as a number of US') });
  });

  it('skips a contact without a phone number', () => {
    expect(phoneOf({})).toEqual({ skip: 'the contact has no phone number' });
    expect(phoneOf({ phone: '' })).toEqual({ skip: 'the contact has no phone number' });
    expect(phoneOf({ phone: { home: '+14155550123' } })).toMatchObject({ skip: expect.stringContaining('not a phone number') });
  });
});
