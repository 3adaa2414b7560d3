import { useEffect, useState } from 'react';
import { JourneyCanvas } from '../canvas/journey-canvas';
import { useCatalogue } from '../catalogue';
import { createEditorStore, EditorStoreProvider } from '../store/editor-store';

/**
 * A published version drawn read-only by the editor's own canvas, from a store of its own so
 * the draft being edited is untouched. Key it by version: the graph is read once.
 */
export function VersionCanvas({ graph }: { graph: unknown }) {
  const [store] = useState(() => createEditorStore(graph, { readOnly: true }));
  const catalogue = useCatalogue().data;
  // Outputs (the handles edges leave by) come from the catalogue.
  useEffect(() => {
    if (catalogue) store.getState().setCatalogue(catalogue);
  }, [catalogue, store]);
  return (
    <EditorStoreProvider store={store}>
      <JourneyCanvas />
    </EditorStoreProvider>
  );
}
