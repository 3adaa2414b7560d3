import { describe, expect, test } from 'vitest';
import { libraryGroups, liveText, templateAvailability } from './template-list';
import type { TemplateSummary } from './template-types';

const item = (id: string, kind: TemplateSummary['kind'], liveVersion: number | null, archivedAt: string | null = null): TemplateSummary => ({
  id,
  kind,
  name: id,
  liveVersion,
  revision: 1,
  updatedAt: '2026-11-30T06:00:00.000Z',
  archivedAt,
  usedBy: [],
  draftChanged: false,
});

const library = [item('base', 'layout', 1), item('footer', 'partial', 2), item('old', 'template', 3, '2026-11-29T10:00:00.000Z'), item('order', 'template', null), item('welcome', 'template', 2)];

describe('the library list', () => {
  test('groups templates, layouts and partials, archived items apart', () => {
    const { groups, archived } = libraryGroups(library);
    expect(groups.map((group) => [group.kind, group.items.map((entry) => entry.id)])).toEqual([
      ['template', ['order', 'welcome']],
      ['layout', ['base']],
      ['partial', ['footer']],
    ]);
    expect(archived.map((entry) => entry.id)).toEqual(['old']);
    expect(libraryGroups([]).groups).toEqual([]);
  });

  test('says which version is live', () => {
    expect(library.map(liveText)).toEqual(['v1 live', 'v2 live', 'archived (was v3)', 'not published yet', 'v2 live']);
  });

  test('tells a journey’s validation which templates exist and which can be sent', () => {
    expect(templateAvailability(library)).toEqual([
      { id: 'order', live: false },
      { id: 'welcome', live: true },
    ]);
  });
});
