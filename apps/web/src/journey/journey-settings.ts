import type { SavedGraph } from '../trpc';
import { durationText } from './config-text';

type Settings = SavedGraph['settings'] | undefined;

/** A journey's settings as label and sentence pairs, for the journey page's About panel. */
export function journeySettingsFacts(settings: Settings): { term: string; detail: string }[] {
  const facts = [{ term: 'Re-entry', detail: reentryText(settings) }];
  const exitEvents = (settings?.exitWhen ?? []).map((criterion) => criterion.event);
  if (exitEvents.length > 0) facts.push({ term: 'Exits when', detail: `${exitEvents.join(' or ')} happens` });
  facts.push({ term: 'Time zone', detail: `${settings?.timeZone ?? 'UTC'}, for contacts without a timezone trait` });
  return facts;
}

function reentryText(settings: Settings): string {
  switch (settings?.reentry ?? 'once-at-a-time') {
    case 'once-ever':
      return 'A contact enters at most once, ever.';
    case 'once-at-a-time':
      return 'A contact can enter again after their previous run ends.';
    case 'cooldown': {
      const cooldown = durationText(settings?.cooldown);
      return cooldown
        ? `A contact can enter again ${cooldown} after they last entered.`
        : 'A contact can enter again after a cool-down.';
    }
    case 'restart':
      return 'A new trigger starts the contact over from the beginning.';
  }
}
