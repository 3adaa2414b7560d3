import { hrefFor, type Route } from '../routing/route';
import './audience.css';

const tabs = [
  { label: 'Contacts', route: { page: 'contacts' }, pages: ['contacts', 'contact'] },
  { label: 'Segments', route: { page: 'segments' }, pages: ['segments', 'segment'] },
  { label: 'RFM', route: { page: 'rfm' }, pages: ['rfm'] },
  { label: 'Import', route: { page: 'import' }, pages: ['import'] },
] as const satisfies { label: string; route: Route & { page: 'contacts' | 'segments' | 'rfm' | 'import' }; pages: Route['page'][] }[];

/** The audience section's tabs, above each of its pages: the top bar has one entry for all of them. */
export function AudienceNav({ current }: { current: Route['page'] }) {
  return (
    <nav className="audience-nav" aria-label="Audience">
      {tabs.map((tab) => {
        const here = (tab.pages as readonly string[]).includes(current);
        return (
          <a key={tab.label} className="audience-nav__tab" href={hrefFor(tab.route)} aria-current={here ? 'page' : undefined}>
            {tab.label}
          </a>
        );
      })}
    </nav>
  );
}
