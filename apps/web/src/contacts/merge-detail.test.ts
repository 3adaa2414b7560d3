import { describe, expect, it } from 'vitest';
import { mergeDetailText } from './merge-detail';

describe('mergeDetailText', () => {
  it('says what moved, which runs ended or went on, and which traits were taken', () => {
    const detail = {
      moved: { events: 3, list_memberships: 1, push_subscriptions: 0 },
      endedRuns: [{ journeyId: 'welcome', workflowId: 'w1' }],
      keptRuns: ['win-back'],
      traitsTaken: ['plan', 'firstName'],
      droppedIdentities: {},
    };
    expect(mergeDetailText(detail)).toBe('moved 3 events, 1 list membership; ended its run in welcome; kept this profile\'s run in win-back; took plan, firstName');
  });

  it('says when there was nothing to move, and shows keys it does not know', () => {
    expect(mergeDetailText({ moved: { events: 0 }, endedRuns: [], keptRuns: [], traitsTaken: [] })).toBe('nothing to move');
    expect(mergeDetailText({ note: 'by hand' })).toBe('note: by hand');
  });
});
