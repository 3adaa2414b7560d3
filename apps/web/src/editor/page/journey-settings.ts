import type { SavedGraph } from '../../trpc';

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

/** { amount: 30, unit: 'days' } → "30 days"; { amount: 1, unit: 'days' } → "1 day". */
function durationText(value: { amount: number; unit: string } | undefined): string | undefined {
  if (!value || typeof value.amount !== 'number' || !value.unit) return undefined;
  return `${value.amount} ${value.amount === 1 ? value.unit.replace(/s$/, '') : value.unit}`;
}
