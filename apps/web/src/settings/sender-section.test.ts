import { QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SessionContext, type Session } from '../session/session-context';
import { queryClient, trpc, type Role } from '../trpc';
import { SenderSection } from './sender-section';

// A render to HTML (no DOM in these tests): the sender as the server answered it, seen by a role.
queryClient.setQueryData(trpc.system.sender.queryKey(), { from: '"Shop, Paris" <paris@shop.example>', replyTo: null });

function render(role: Role): string {
  const session = { user: { email: 'pat@shop.example' }, workspace: { id: 'shop', name: 'Shop', role } } as unknown as Session;
  return renderToString(createElement(QueryClientProvider, { client: queryClient }, createElement(SessionContext.Provider, { value: session }, createElement(SenderSection))));
}

describe('the Sender section', () => {
  it('lets an admin edit the from and reply-to, and says to authenticate the domain', () => {
    const html = render('admin');
    expect(html).toContain('value="&quot;Shop, Paris&quot; &lt;paris@shop.example&gt;"');
    expect(html).toContain('>Reply-to</label>');
    expect(html).toContain('SPF and DKIM');
    expect(html).toMatch(/<button type="submit"[^>]*disabled=""[^>]*>Save sender<\/button>/);
    expect(html).not.toContain('readOnly');
  });

  it('shows an analyst the sender read-only, with the reason', () => {
    const html = render('analyst');
    expect(html.match(/readOnly=""/g)).toHaveLength(2);
    expect(html).not.toContain('Save sender');
    expect(html).toMatch(/Only admins and owners change the sender\. (<!-- -->)?Needs the admin role; you are an analyst\./);
  });
});
