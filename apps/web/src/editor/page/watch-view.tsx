import { Fragment, useEffect, useState } from 'react';
import type { JourneyDetail } from '../../trpc';
import { EmptyState } from '../../ui/empty-state';
import { plural } from '../../ui/format';
import { JourneyCanvas } from '../canvas/journey-canvas';
import type { CatalogueEntry } from '../catalogue';
import { createEditorStore, EditorStoreProvider, useEditor, useSelectedNode } from '../store/editor-store';
import { ContactsAtNode } from '../watch/contacts-at-node';
import { useJourneyWatch, WatchCountsContext } from '../watch/watch-counts';
import { journeySettingsFacts } from './journey-settings';

/** The live version, read-only, with live counts; the selected step's waiting contacts on the right. */
export function WatchView({ journey, catalogue }: { journey: JourneyDetail; catalogue: readonly CatalogueEntry[] }) {
  const graph = journey.graph;
  const counts = useJourneyWatch(journey.id, { enabled: graph !== null });
  // Its own store: the live version, not the draft being edited. Keyed by version below.
  const [store] = useState(() => createEditorStore(graph, { readOnly: true }));
  useEffect(() => store.getState().setCatalogue(catalogue), [catalogue, store]);

  if (graph === null) {
    return (
      <EmptyState title="Not live yet">
        <p>Publish this journey to watch contacts go through it.</p>
      </EmptyState>
    );
  }
  return (
    <EditorStoreProvider store={store}>
      <WatchCountsContext value={counts}>
        <div className="editor-watch">
          <div className="editor-edit__main">
            <p className="editor-watch__active" role="status">
              {counts ? `${plural(counts.active, 'contact')} in the journey now` : 'Counting contacts…'}
            </p>
            <JourneyCanvas />
          </div>
          <aside className="editor-side" aria-label="Contacts at the selected step">
            <WatchSide journey={journey} />
          </aside>
        </div>
      </WatchCountsContext>
    </EditorStoreProvider>
  );
}

function WatchSide({ journey }: { journey: JourneyDetail }) {
  const selected = useSelectedNode();
  const nodes = useEditor((state) => state.nodes);
  if (selected) return <ContactsAtNode journeyId={journey.id} nodeId={selected.id} nodes={nodes} />;
  return (
    <section>
      <h2>Live version v{journey.liveVersion}</h2>
      <p className="muted">Select a step to see who is waiting there, and to move or remove them.</p>
      <dl className="facts">
        {journeySettingsFacts(journey.graph?.settings).map(({ term, detail }) => (
          <Fragment key={term}>
            <dt>{term}</dt>
            <dd>{detail}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
