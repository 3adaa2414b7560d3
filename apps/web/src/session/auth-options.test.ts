import { describe, expect, it } from 'vitest';
import { readAuthOptions } from './auth-options';

describe('readAuthOptions', () => {
  it("takes single sign-on's label", () => {
    expect(readAuthOptions({ sso: { name: 'Okta' } })).toEqual({ sso: { name: 'Okta' } });
  });
  it.each([{ sso: null }, {}, null, 'not json', { sso: { name: '  ' } }, { sso: { name: 3 } }])('offers no SSO for %j', (body) => {
    expect(readAuthOptions(body)).toEqual({ sso: null });
  });
});
