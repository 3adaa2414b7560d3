import { describe, expect, it } from 'vitest';
import { providersFrom } from './providers.js';

const twilio = { TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`, TWILIO_AUTH_TOKEN: 'token', TWILIO_FROM: '+14155550100' };

describe('providersFrom (SMS)', () => {
  it('texts through Twilio when it is configured, in place of SMS_URL, and can check its webhooks', () => {
    const providers = providersFrom({ ...twilio, SMS_URL: 'http://127.0.0.1:1026/messages' });
    expect(providers.channels).toEqual(['email', 'sms', 'push']);
    expect(providers.sms?.verifyWebhook).toBeTypeOf('function');
  });

  it('keeps the generic HTTP provider for SMS_URL alone', () => {
    const providers = providersFrom({ SMS_URL: 'http://127.0.0.1:1026/messages' });
    expect(providers.channels).toEqual(['email', 'sms', 'push']);
    expect(providers.sms?.verifyWebhook).toBeUndefined();
  });

  it('names what a half-configured Twilio lacks', () => {
    expect(() => providersFrom({ TWILIO_ACCOUNT_SID: twilio.TWILIO_ACCOUNT_SID })).toThrow(
      'Twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and a sender; set TWILIO_AUTH_TOKEN, TWILIO_FROM (or TWILIO_MESSAGING_SERVICE_SID) (or unset every TWILIO_*)',
    );
    expect(() => providersFrom({ ...twilio, TWILIO_FROM: undefined, TWILIO_MESSAGING_SERVICE_SID: `MG${'0'.repeat(32)}` })).not.toThrow();
  });

  it('has no SMS without either', () => {
    // Web push needs no settings: each workspace signs with its own VAPID keys.
    expect(providersFrom({}).channels).toEqual(['email', 'push']);
  });
});
