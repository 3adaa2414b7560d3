import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { TemplateSaver, type SaveState } from './template-saver';

class Conflict extends Error {}

/** A stand-in for the server's email_templates row: a revision per save, CONFLICT for a stale one. */
function fakeServer(revision: number) {
  const server = {
    revision,
    saves: [] as { body: string; revision: number }[],
    inFlight: 0,
    maxInFlight: 0,
    failNext: false,
    async save(content: { body: string }, base: number) {
      server.inFlight += 1;
      server.maxInFlight = Math.max(server.maxInFlight, server.inFlight);
      await new Promise((resolve) => setTimeout(resolve, 100));
      server.inFlight -= 1;
      if (server.failNext) {
        server.failNext = false;
        throw new Error('network down');
      }
      if (base !== server.revision) throw new Conflict(`Someone saved "welcome" after you opened it (revision ${server.revision}). Reload to see their changes.`);
      server.revision += 1;
      server.saves.push({ body: content.body, revision: base });
      return { revision: server.revision, problems: content.body.includes('mj-textt') ? ['unknown element'] : [] };
    },
  };
  return server;
}

function setup(revision = 4) {
  const server = fakeServer(revision);
  const states: SaveState['kind'][] = [];
  const problems: string[][] = [];
  const saver = new TemplateSaver<{ body: string }, { revision: number; problems: string[] }>({
    revision,
    saved: { body: '' },
    same: (a, b) => a.body === b.body,
    save: (content, base) => server.save(content, base),
    isConflict: (error) => error instanceof Conflict,
    onState: (state) => states.push(state.kind),
    onSaved: (result) => problems.push(result.problems),
  });
  return { server, saver, states, problems };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('TemplateSaver', () => {
  test('saves once after typing stops, naming the revision it is based on', async () => {
    const { server, saver, states, problems } = setup();
    for (const body of ['<', '<mj', '<mj-textt']) {
      saver.edit({ body });
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(server.saves).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(server.saves).toEqual([{ body: '<mj-textt', revision: 4 }]);
    expect(saver.revision).toBe(5);
    expect(states).toEqual(['dirty', 'saving', 'saved']);
    expect(problems).toEqual([['unknown element']]);
  });

  test('never saves twice at once: typing during a save is saved after it, on its revision', async () => {
    const { server, saver } = setup();
    saver.edit({ body: 'one' });
    await vi.advanceTimersByTimeAsync(850);
    saver.edit({ body: 'two' });
    await vi.advanceTimersByTimeAsync(850);
    saver.edit({ body: 'three' });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(server.maxInFlight).toBe(1);
    expect(server.saves.at(-1)).toEqual({ body: 'three', revision: server.revision - 1 });
    expect(saver.state.kind).toBe('saved');
  });

  test('typing back to the saved text needs no save', async () => {
    const { server, saver, states } = setup();
    saver.edit({ body: 'x' });
    saver.edit({ body: '' });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(server.saves).toEqual([]);
    expect(states).toEqual(['dirty', 'saved']);
  });

  test('a stale revision stops autosave with the server’s words until the draft is reloaded', async () => {
    const { server, saver, states } = setup();
    server.revision = 6;
    saver.edit({ body: 'mine' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(saver.state).toEqual({ kind: 'conflict', message: 'Someone saved "welcome" after you opened it (revision 6). Reload to see their changes.' });
    saver.edit({ body: 'mine, more' });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(server.saves).toEqual([]);

    saver.reload({ body: 'theirs' }, 6);
    saver.edit({ body: 'theirs, then mine' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(server.saves).toEqual([{ body: 'theirs, then mine', revision: 6 }]);
    expect(states.slice(-4)).toEqual(['saved', 'dirty', 'saving', 'saved']);
  });

  test('a failed save is tried again later', async () => {
    const { server, saver } = setup();
    server.failNext = true;
    saver.edit({ body: 'x' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(saver.state).toEqual({ kind: 'error', message: 'network down' });
    await vi.advanceTimersByTimeAsync(5_200);
    expect(server.saves).toEqual([{ body: 'x', revision: 4 }]);
    expect(saver.state.kind).toBe('saved');
  });

  test('settle saves what is pending now and waits for it, so publish names a revision with all of it', async () => {
    const { server, saver } = setup();
    saver.edit({ body: 'one' });
    await vi.advanceTimersByTimeAsync(850);
    saver.edit({ body: 'two' });
    const settled = saver.settle();
    await vi.advanceTimersByTimeAsync(250);
    expect(await settled).toBe(true);
    expect(server.saves.map((save) => save.body)).toEqual(['one', 'two']);
    expect(saver.revision).toBe(6);
  });

  test('settle answers false when the draft cannot be saved', async () => {
    const { server, saver } = setup();
    server.revision = 9;
    saver.edit({ body: 'mine' });
    const settled = saver.settle();
    await vi.advanceTimersByTimeAsync(150);
    expect(await settled).toBe(false);
    expect(saver.state.kind).toBe('conflict');
  });
});
