import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { hrefFor, type Route } from '../routing/route';
import { trpc } from '../trpc';
import { HealthIndicator } from './health-indicator';

const sections = [
  { label: 'Journeys', href: hrefFor({ page: 'journeys' }), pages: ['journeys', 'journey'] },
  { label: 'Contacts', href: hrefFor({ page: 'contacts' }), pages: ['contacts', 'contact'] },
  { label: 'Outbox', href: hrefFor({ page: 'outbox' }), pages: ['outbox'] },
] satisfies { label: string; href: string; pages: Route['page'][] }[];

export function Layout({ route, children }: { route: Route; children: ReactNode }) {
  const workspace = useQuery(trpc.system.workspace.queryOptions(undefined, { staleTime: Infinity }));
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
          {workspace.data && <span className="muted">{workspace.data.name} workspace</span>}
          <HealthIndicator />
        </div>
      </header>
      <main className="content">{children}</main>
    </div>
  );
}
