/**
 * The keywords carriers require an SMS sender to honour (CTIA and the US carriers; Twilio's
 * default opt-out list): the whole message, trimmed, in any case. "Stop sending me these" is not
 * a keyword, it is a message.
 */
export type SmsKeyword = 'stop' | 'start' | 'help';

const keywords: Record<string, SmsKeyword> = {
  STOP: 'stop',
  STOPALL: 'stop',
  UNSUBSCRIBE: 'stop',
  CANCEL: 'stop',
  END: 'stop',
  QUIT: 'stop',
  START: 'start',
  YES: 'start',
  UNSTOP: 'start',
  HELP: 'help',
  INFO: 'help',
};

/** What an inbound text asks for, with the keyword as written (upper-cased), or null for an ordinary message. */
export function smsKeyword(body: string): { kind: SmsKeyword; keyword: string } | null {
  const keyword = body.trim().toUpperCase();
  const kind = keywords[keyword];
  return kind ? { kind, keyword } : null;
}

/** The replies carriers expect, naming who is texting. */
export function keywordReply(kind: SmsKeyword, workspace: { name: string; contact?: string }): string {
  switch (kind) {
    case 'stop':
      return `You are unsubscribed from ${workspace.name} messages. Reply START to resubscribe.`;
    case 'start':
      return `You are subscribed to ${workspace.name} messages again. Reply HELP for help, STOP to unsubscribe.`;
    case 'help':
      return `${workspace.name}${workspace.contact ? `: for help, contact ${workspace.contact}` : ''}. Msg & data rates may apply. Reply STOP to unsubscribe, START to resubscribe.`;
  }
}
