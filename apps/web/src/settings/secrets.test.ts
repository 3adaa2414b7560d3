import { describe, expect, test } from 'vitest';
import { secretReference, typedSecretName } from './secrets';

describe('typedSecretName', () => {
  test('writes a name the way the server wants it', () => {
    expect(typedSecretName('crm token')).toBe('CRM_TOKEN');
    expect(typedSecretName('Stripe-Key 2')).toBe('STRIPE_KEY_2');
    expect(typedSecretName('CRM_TOKEN')).toBe('CRM_TOKEN');
  });
});

describe('secretReference', () => {
  test('is what a header value reads', () => {
    expect(secretReference('CRM_TOKEN')).toBe('{{ secrets.CRM_TOKEN }}');
  });
});
