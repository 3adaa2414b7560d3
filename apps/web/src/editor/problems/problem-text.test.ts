import { catalogueJson } from '@tend/journey';
import { describe, expect, test } from 'vitest';
import { problemCount, problemLines } from './problem-text';

const catalogue = catalogueJson();
const node = (id: string, type: string) => ({ id, type, version: 1, position: { x: 0, y: 0 }, data: {} });

describe('problemLines', () => {
  test('names each step by its title, with its id when titles repeat; journey-wide problems first', () => {
    const lines = problemLines(
      [
        { nodeId: 'welcome', field: 'subject', message: 'write a subject line' },
        { nodeId: 'tips', field: 'subject', message: 'write a subject line' },
        { nodeId: 'wait-1', message: 'connect this output' },
        { field: 'name', message: 'name the journey' },
        { nodeId: 'gone', message: 'unknown node' },
      ],
      [node('welcome', 'send-email'), node('tips', 'send-email'), node('wait-1', 'wait')],
      catalogue,
    );
    expect(lines.map((line) => line.text)).toEqual([
      'Journey — name: name the journey',
      'Send email (welcome) — subject: write a subject line',
      'Send email (tips) — subject: write a subject line',
      'Wait — connect this output',
      'Step “gone” — unknown node',
    ]);
    expect(lines[0]?.nodeId).toBeNull();
    expect(lines[1]?.nodeId).toBe('welcome');
  });

  test('counts in words', () => {
    expect([0, 1, 3].map(problemCount)).toEqual(['No problems', '1 problem', '3 problems']);
  });
});
