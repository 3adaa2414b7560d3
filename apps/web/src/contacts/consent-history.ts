import type { ConsentChangeRow } from '../messaging/messaging-types';

export type StateWord = 'subscribed' | 'unsubscribed' | 'default';

/** One line of the consent audit as the contact page shows it: what changed from what. */
export interface ConsentHistoryLine {
  id: number;
  at: string;
  channel: ConsentChangeRow['channel'];
  /** '' for the channel's marketing as a whole. */
  topic: string;
  from: StateWord;
  to: StateWord;
  source: string;
  detail: string | null;
}

/**
 * The audit newest first, each change with the state it replaced: the change before it on the
 * same channel and topic, or the default when it is the first (every change is recorded, so
 * nothing came between). The server sends it oldest first.
 */
export function consentHistoryLines(history: readonly ConsentChangeRow[]): ConsentHistoryLine[] {
  const last = new Map<string, StateWord>();
  const lines = history.map((change) => {
    const key = `${change.channel}\u0000${change.topic}`;
    const line: ConsentHistoryLine = {
      id: change.id,
      at: change.at,
      channel: change.channel,
      topic: change.topic,
      from: last.get(key) ?? 'default',
      to: change.status,
      source: sourceLabel(change.source, change.detail),
      detail: changeDetail(change.source, change.detail),
    };
    last.set(key, change.status);
    return line;
  });
  return lines.reverse();
}

const sources: Record<string, string> = {
  form: 'Form',
  'one-click': 'One-click link',
  'preference-page': 'Preference page',
  import: 'Import',
  api: 'API',
  'sms-keyword': 'SMS reply',
  bounce: 'Bounce',
  complaint: 'Complaint',
  console: 'Console',
};

/** Where a change came from, in words: "One-click link", "STOP reply"; an unknown source as stored. */
export function sourceLabel(source: string, detail: Record<string, unknown> | null): string {
  if (source === 'sms-keyword' && typeof detail?.keyword === 'string') return `${detail.keyword.toUpperCase()} reply`;
  return sources[source] ?? source;
}

/** Who or what made the change, where the record says: "by ines@shop.example", "from message …". */
export function changeDetail(source: string, detail: Record<string, unknown> | null): string | null {
  if (!detail) return null;
  if (source === 'console') {
    const who = text(detail.actorLabel) ?? text(detail.actor);
    return who ? `by ${who}` : null;
  }
  if (text(detail.message)) return `from message ${text(detail.message)}`;
  const pairs = Object.entries(detail)
    .filter(([key, value]) => key !== 'keyword' && value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return pairs.length > 0 ? pairs.join(', ') : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
