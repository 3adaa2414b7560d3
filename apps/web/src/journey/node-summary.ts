import { plural } from '../ui/format';
import { durationText, listText, nonEmptyString, weekdaysText } from './config-text';

type Config = Readonly<Record<string, unknown>>;

/**
 * One line that says what a node does, derived from its saved config: "Wait 2 days",
 * "Email: Welcome!". Empty for a node type this console does not know; the caller then
 * shows the catalogue's description instead. The config may be incomplete (a draft, an
 * older version): every case names what is missing rather than printing "undefined".
 */
export function summarizeNode(type: string, data: Config): string {
  const summarize = summaries[type];
  return summarize ? summarize(data) : '';
}

const summaries: Record<string, (data: Config) => string> = {
  'trigger.identify': (data) =>
    // The config's default is true: only the identify call that creates the contact counts.
    data.onlyNewContacts === false ? 'When a contact is identified' : 'When a contact is identified (new contacts only)',
  'trigger.event': (data) => {
    const event = nonEmptyString(data.event);
    return event ? `When ${event} happens${qualifiers([filtersText(data.filters)])}` : 'When an event happens (no event named)';
  },
  'trigger.segment': (data) => {
    const segment = nonEmptyString(data.segment);
    return segment ? `When they enter segment ${segment}` : 'When they enter a segment (no segment named)';
  },
  'trigger.date-attribute': summarizeDateAttribute,
  'trigger.schedule': (data) => {
    const cron = nonEmptyString(data.cron);
    if (!cron) return 'On a schedule (no cron expression set)';
    return `Schedule ${cron}${data.condition ? ' (contacts matching a condition)' : ''}`;
  },
  wait: (data) => {
    const duration = durationText(data);
    return duration ? `Wait ${duration}` : 'Wait (no duration set)';
  },
  'wait-until': (data) => {
    const time = nonEmptyString(data.time);
    if (!time) return 'Wait until a time of day (no time set)';
    const days = weekdaysText(data.weekdays);
    return `Wait until ${time}${days ? ` ${days}` : ''}`;
  },
  'wait-for-event': (data) => {
    const event = nonEmptyString(data.event) ?? 'an event (no event named)';
    const timeout = durationText(data.timeout);
    const match = nonEmptyString(data.matchEntryProperty);
    const details = qualifiers([match && `same ${match}`, filtersText(data.filters)]);
    return timeout ? `Wait up to ${timeout} for ${event}${details}` : `Wait for ${event}${details} (no time limit set)`;
  },
  branch: (data) => {
    const cases = Array.isArray(data.cases) ? data.cases.length : 0;
    return cases === 0 ? 'Branch: no cases yet, everyone goes to else' : `Branch: ${plural(cases, 'case')} + else`;
  },
  split: (data) => {
    const paths = Array.isArray(data.paths) ? data.paths.map(splitPathText) : [];
    return paths.length === 0 ? 'Split (no paths yet)' : `Split: ${paths.join(' · ')}`;
  },
  goal: (data) => {
    const event = nonEmptyString(data.event);
    if (!event) return 'Goal (no conversion event named)';
    const window = durationText(data.window);
    return `Goal: ${event}${qualifiers([filtersText(data.filters)])} ${window ? `within ${window}` : 'while in the journey'}`;
  },
  exit: () => 'The contact leaves the journey',
  'send-email': (data) => {
    const subject = nonEmptyString(data.subject);
    return subject ? `Email: ${subject}` : 'Email (no subject yet)';
  },
  'send-sms': (data) => {
    const body = nonEmptyString(data.body);
    return body ? `SMS: ${oneLine(body)}` : 'SMS (no message yet)';
  },
  'send-push': (data) => {
    const title = nonEmptyString(data.title);
    return title ? `Push: ${oneLine(title)}` : 'Push (no title yet)';
  },
  webhook: (data) => {
    const method = nonEmptyString(data.method) ?? 'POST';
    const url = nonEmptyString(data.url);
    if (!url) return `Webhook ${method} (no address set)`;
    const saveAs = nonEmptyString(data.saveResponseAs);
    return `Webhook ${method} ${url}${saveAs ? `, answer saved as ${saveAs}` : ''}`;
  },
  'update-profile': (data) => {
    const set = data.set && typeof data.set === 'object' ? Object.keys(data.set) : [];
    const unset = Array.isArray(data.unset) ? data.unset.filter((name) => typeof name === 'string') : [];
    const parts = [set.length > 0 && listText(set), unset.length > 0 && `remove ${listText(unset)}`].filter(Boolean);
    return parts.length > 0 ? `Update profile: ${parts.join('; ')}` : 'Update profile (no traits chosen)';
  },
  'add-to-list': (data) => {
    const list = nonEmptyString(data.list);
    return list ? `Add to list ${list}` : 'Add to a list (no list named)';
  },
  'remove-from-list': (data) => {
    const list = nonEmptyString(data.list);
    return list ? `Remove from list ${list}` : 'Remove from a list (no list named)';
  },
};

/** "7 days before birthday at 09:00", "On renewal_date at 08:30, every year". */
function summarizeDateAttribute(data: Config): string {
  const attribute = nonEmptyString(data.attribute);
  if (!attribute) return 'On a date on the profile (no date trait named)';
  // Defaults of the config schema: on the day itself, at 09:00, once.
  const offset = typeof data.offsetDays === 'number' ? data.offsetDays : 0;
  const time = nonEmptyString(data.time) ?? '09:00';
  const day =
    offset === 0 ? `On ${attribute}` : `${plural(Math.abs(offset), 'day')} ${offset < 0 ? 'before' : 'after'} ${attribute}`;
  return `${day} at ${time}${data.recurring === true ? ', every year' : ''}`;
}

function splitPathText(path: unknown): string {
  const { label, id, percent, holdout } = (path ?? {}) as Record<string, unknown>;
  const name = nonEmptyString(label) ?? nonEmptyString(id) ?? 'unnamed path';
  const share = typeof percent === 'number' ? ` ${percent}%` : '';
  return `${name}${share}${holdout === true ? ' (holdout)' : ''}`;
}

function filtersText(filters: unknown): string | undefined {
  return Array.isArray(filters) && filters.length > 0 ? plural(filters.length, 'filter') : undefined;
}

/** " (same cartId, 1 filter)", or nothing when there is nothing to add. */
function qualifiers(parts: readonly (string | undefined | false)[]): string {
  const present = parts.filter((part): part is string => Boolean(part));
  return present.length > 0 ? ` (${present.join(', ')})` : '';
}

/** Message text as one line: a card has room for one, and the tooltip shows it whole. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}
