import { catalogueJson } from '@tend/journey';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createEditorStore } from '../store/editor-store';
import { DraftSaver, type SaveState } from './draft-saver';

class Conflict extends Error {}

/** A stand-in for the server's drafts table: revisions, and CONFLICT for a stale base. */
function fakeServer() {
  const server = {
    revision: 0 as number,
    saves: [] as { name: unknown; base: number | null; force: boolean }[],
    inFlight: 0,
    maxInFlight: 0,
    async save(graph: { name?: unknown }, base: number | null, force: boolean) {
      server.inFlight += 1;
      server.maxInFlight = Math.max(server.maxInFlight, server.inFlight);
      await new Promise((resolve) => setTimeout(resolve, 100));
      server.inFlight -= 1;
      if (!force && base !== (server.revision === 0 ? null : server.revision)) {
        throw new Conflict(`Someone saved this draft after you opened it (revision ${server.revision}).`);
      }
      server.revision += 1;
      server.saves.push({ name: graph.name, base, force });
      return { revision: server.revision };
    },
  };
  return server;
}

function setup(baseRevision: number | null = null) {
  const store = createEditorStore({ id: 'welcome', name: 'Welcome', nodes: [], edges: [] });
  store.getState().setCatalogue(catalogueJson());
  const server = fakeServer();
  if (baseRevision !== null) server.revision = baseRevision;
  const states: SaveState['kind'][] = [];
  const saver = new DraftSaver(store, {
    baseRevision,
    save: (graph, base, force) => server.save(graph, base, force),
    isConflict: (error) => error instanceof Conflict,
    onState: (state) => states.push(state.kind),
  });
  const stop = saver.start();
  return { store, server, saver, states, stop };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('DraftSaver', () => {
  test('saves once after typing stops, based on the last revision', async () => {
    const { store, server, states } = setup(3);
    for (const name of ['W', 'We', 'Wel']) {
      store.getState().setMeta({ name });
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(server.saves).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(server.saves).toEqual([{ name: 'Wel', base: 3, force: false }]);
    store.getState().setMeta({ name: 'Welcome back' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(server.saves[1]).toEqual({ name: 'Welcome back', base: 4, force: false });
    expect(states).toEqual(['dirty', 'saving', 'saved', 'dirty', 'saving', 'saved']);
  });

  test('never saves twice at once; edits during a save are saved after it', async () => {
    const { store, server } = setup();
    store.getState().setMeta({ name: 'One' });
    await vi.advanceTimersByTimeAsync(850);
    // The first save is in flight now.
    store.getState().setMeta({ description: 'Two' });
    await vi.advanceTimersByTimeAsync(850);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(server.maxInFlight).toBe(1);
    expect(server.saves.map((save) => save.base)).toEqual([null, 1]);
    expect(server.saves[1]?.name).toBe('One');
  });

  test('stops on a conflict; overwriting forces the save, reloading takes their draft', async () => {
    const { store, server, saver } = setup(2);
    server.revision = 5; // someone else saved meanwhile
    store.getState().setMeta({ name: 'Mine' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(saver.state).toEqual({ kind: 'conflict', message: expect.stringContaining('revision 5') });
    store.getState().setMeta({ name: 'Mine, still' });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(server.saves).toHaveLength(0);

    const overwrite = saver.overwrite();
    await vi.advanceTimersByTimeAsync(200);
    await overwrite;
    expect(server.saves).toEqual([{ name: 'Mine, still', base: 2, force: true }]);
    expect(saver.state.kind).toBe('saved');

    server.revision = 9;
    store.getState().setMeta({ name: 'Again' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(saver.state.kind).toBe('conflict');
    saver.reload({ graph: { id: 'welcome', name: 'Theirs', nodes: [], edges: [] }, revision: 9 });
    expect(store.getState().meta.name).toBe('Theirs');
    store.getState().setMeta({ name: 'Theirs, edited' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(server.saves.at(-1)).toEqual({ name: 'Theirs, edited', base: 9, force: false });
  });

  test('a selection or a measured size is no change to save', async () => {
    const { store, server, states } = setup();
    store.getState().appendNode({ type: 'exit', version: 1 });
    await vi.advanceTimersByTimeAsync(1_000);
    store.getState().select([]);
    store.getState().applyNodeChanges([{ type: 'dimensions', id: 'exit-1', dimensions: { width: 260, height: 80 } }]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(server.saves).toHaveLength(1);
    expect(states.at(-1)).toBe('saved');
  });
});
