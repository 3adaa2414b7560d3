import { describe, expect, it } from 'vitest';
import { cronText } from './cron-text';

describe('cronText', () => {
  it('reads the usual schedules', () => {
    expect(cronText('0 9 * * 1')).toBe('Every week on Monday at 09:00');
    expect(cronText('30 8 * * *')).toBe('Every day at 08:30');
    expect(cronText('0 9 * * 1-5')).toBe('Every week on weekdays at 09:00');
    expect(cronText('0 7 1 * *')).toBe('Every month on day 1 at 07:00');
    expect(cronText('*/15 * * * *')).toBe('Every 15 minutes');
    expect(cronText('5 * * * *')).toBe('Every hour at minute 5');
  });

  it('explains the fields for anything else', () => {
    expect(cronText('')).toMatch(/Five fields/);
    expect(cronText('0 9 * 1 *')).toMatch(/Five fields/);
  });
});
