import { describe, expect, it } from 'vitest';
import { preferencePage } from './preference-page.js';

describe('the preference page', () => {
  it('escapes the workspace name and topics, so a name cannot add markup', () => {
    const html = preferencePage('<b>Shop</b> & Co', 'tok"en', {
      topics: [{ id: 'x"><script>', name: '<i>Offers</i>', description: 'Sales "now"', subscribed: false }],
      unsubscribedFromAll: true,
    });
    expect(html).toContain('<h1>&lt;b&gt;Shop&lt;/b&gt; &amp; Co</h1>');
    expect(html).toContain('action="/u/tok&quot;en/preferences"');
    expect(html).toContain('value="x&quot;&gt;&lt;script&gt;">');
    expect(html).toContain('<strong>&lt;i&gt;Offers&lt;/i&gt;</strong>');
    expect(html).not.toContain('<script');
    expect(html).toMatch(/name="all" value="unsubscribe" checked>/);
  });
});
