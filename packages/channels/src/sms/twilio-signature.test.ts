import { describe, expect, it } from 'vitest';
import { twilioSignature, verifyTwilioSignature } from './twilio-signature.js';

// An inbound SMS as Twilio signed it: the vector Twilio's own Ruby library tests against.
const authToken = '2bd9e9638872de601313dc77410d3b23';
const url = 'http://twiliotests.heroku.com/validate/sms';
const params = {
  ToState: 'CA',
  FromState: 'CA',
  AccountSid: 'ACba8bc05eacf94afdae398e642c9cc32d',
  SmsMessageSid: 'SM2003cbd5e6a3701999aa3e5f20ff2787',
  Body: 'Orly',
  From: '+14159354345',
  FromCity: 'SAN FRANCISCO',
  SmsStatus: 'received',
  FromZip: '94107',
  FromCountry: 'US',
  To: '+14158141819',
  ToCity: 'SAN FRANCISCO',
  ToZip: '94105',
  ToCountry: 'US',
  ApiVersion: '2010-04-01',
  SmsSid: 'SM2003cbd5e6a3701999aa3e5f20ff2787',
};

describe('Twilio request signatures', () => {
  it('signs as Twilio does', () => {
    expect(twilioSignature(authToken, url, params)).toBe('mxeiv65lEe0b8L6LdVw2jgJi8yw=');
    expect(verifyTwilioSignature(authToken, url, params, 'mxeiv65lEe0b8L6LdVw2jgJi8yw=')).toBe(true);
  });

  it('refuses another body, another URL, another token or no signature', () => {
    const signature = 'mxeiv65lEe0b8L6LdVw2jgJi8yw=';
    expect(verifyTwilioSignature(authToken, url, { ...params, Body: 'STOP' }, signature)).toBe(false);
    expect(verifyTwilioSignature(authToken, `${url}?workspace=other`, params, signature)).toBe(false);
    expect(verifyTwilioSignature('another-token', url, params, signature)).toBe(false);
    expect(verifyTwilioSignature(authToken, url, params, undefined)).toBe(false);
    expect(verifyTwilioSignature(authToken, url, params, 'short')).toBe(false);
  });
});
