const acronyms: Record<string, string> = { html: 'HTML', url: 'URL', id: 'ID', sms: 'SMS', ms: '(ms)', cron: 'Cron' };

/** A config key as a label: "matchEntryProperty" → "Match entry property", "timeoutMs" → "Timeout (ms)". */
export function humanise(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .trim()
    .split(/\s+/)
    .map((word) => acronyms[word.toLowerCase()] ?? word.toLowerCase());
  const [first = '', ...rest] = words;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(' ');
}

/** What one item of a list is called: "cases" → "case", "paths" → "path". */
export function itemNoun(listName: string): string {
  const noun = humanise(listName).toLowerCase();
  if (noun.endsWith('ies')) return `${noun.slice(0, -3)}y`;
  if (noun.endsWith('s') && !noun.endsWith('ss')) return noun.slice(0, -1);
  return 'item';
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
