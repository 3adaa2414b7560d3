import { hrefFor, type JourneyTab } from '../../routing/route';

const tabs: { tab: JourneyTab; label: string }[] = [
  { tab: 'edit', label: 'Edit' },
  { tab: 'watch', label: 'Watch' },
  { tab: 'history', label: 'History' },
];

/** Edit | Watch | History, as links: each view has its own address. */
export function EditorTabs({ journeyId, current }: { journeyId: string; current: JourneyTab }) {
  return (
    <nav className="editor-tabs" aria-label="Journey views">
      {tabs.map(({ tab, label }) => (
        <a
          key={tab}
          className={`editor-tabs__tab${tab === current ? ' editor-tabs__tab--current' : ''}`}
          href={hrefFor({ page: 'journey', id: journeyId, tab })}
          aria-current={tab === current ? 'page' : undefined}
        >
          {label}
        </a>
      ))}
    </nav>
  );
}
