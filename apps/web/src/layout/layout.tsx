import type { ReactNode } from 'react';
import { hrefFor, type Route } from '../routing/route';
import { useSession } from '../session/session-context';
import { SignOutButton } from '../session/sign-out-button';
import { WorkspaceSwitcher } from '../workspaces/workspace-switcher';
import { HealthIndicator } from './health-indicator';

const sections = [
  { label: 'Journeys', href: hrefFor({ page: 'journeys' }), pages: ['journeys', 'journey'] },
  // Contacts, segments, RFM and imports: one section, with its own tabs (audience/audience-nav.tsx).
  { label: 'Audience', href: hrefFor({ page: 'contacts' }), pages: ['contacts', 'contact', 'segments', 'segment', 'rfm', 'import'] },
  { label: 'Events', href: hrefFor({ page: 'events' }), pages: ['events'] },
  { label: 'Messaging', href: hrefFor({ page: 'messaging' }), pages: ['messaging'] },
  { label: 'Templates', href: hrefFor({ page: 'templates' }), pages: ['templates', 'template'] },
  { label: 'Outbox', href: hrefFor({ page: 'outbox' }), pages: ['outbox'] },
  { label: 'Audit log', href: hrefFor({ page: 'audit' }), pages: ['audit'] },
  { label: 'Settings', href: hrefFor({ page: 'settings' }), pages: ['settings'] },
] satisfies { label: string; href: string; pages: Route['page'][] }[];

export function Layout({ route, children }: { route: Route; children: ReactNode }) {
  const { user } = useSession();
  return (
    <div className="app">
      <header className="topbar">
        <a className="brand" href={hrefFor({ page: 'journeys' })}>
          Tend
        </a>
        <nav className="nav">
          {sections.map((section) => (
            <a
              key={section.href}
              href={section.href}
              className="nav__link"
              aria-current={(section.pages as string[]).includes(route.page) ? 'page' : undefined}
            >
              {section.label}
            </a>
          ))}
        </nav>
        <div className="topbar__end">
          <WorkspaceSwitcher />
          <HealthIndicator />
          <div className="topbar__account">
            <span className="muted small" title={user.name || undefined}>
              {user.email}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="content">{children}</main>
    </div>
  );
}
