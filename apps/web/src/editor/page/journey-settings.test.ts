import { describe, expect, test } from 'vitest';
import { journeySettingsFacts } from './journey-settings';

describe('journeySettingsFacts', () => {
  test('explains each re-entry rule', () => {
    const reentry = (settings: Parameters<typeof journeySettingsFacts>[0]) => journeySettingsFacts(settings)[0]?.detail;
    expect(reentry(undefined)).toBe('A contact can enter again after their previous run ends.');
    expect(reentry({ reentry: 'once-ever', timeZone: 'UTC', exitWhen: [] })).toBe('A contact enters at most once, ever.');
    expect(reentry({ reentry: 'cooldown', cooldown: { amount: 1, unit: 'days' }, timeZone: 'UTC', exitWhen: [] })).toBe(
      'A contact can enter again 1 day after they last entered.',
    );
    expect(reentry({ reentry: 'restart', timeZone: 'UTC', exitWhen: [] })).toBe(
      'A new trigger starts the contact over from the beginning.',
    );
  });

  test('lists exit events and the time zone', () => {
    const facts = journeySettingsFacts({
      reentry: 'once-at-a-time',
      timeZone: 'Europe/Paris',
      exitWhen: [{ event: 'Order Completed', filters: [] }, { event: 'Unsubscribed', filters: [] }],
    });
    expect(facts.slice(1)).toEqual([
      { term: 'Exits when', detail: 'Order Completed or Unsubscribed happens' },
      { term: 'Time zone', detail: 'Europe/Paris, for contacts without a timezone trait' },
    ]);
  });
});
