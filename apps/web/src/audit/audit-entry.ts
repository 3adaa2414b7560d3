import type { AuditEntry } from '../trpc';

/** Entries fetched per page of the audit log. */
export const auditPageSize = 50;

/** The `before` of the next page: the oldest id of a full page; none after a short one. */
export function nextAuditCursor(page: readonly Pick<AuditEntry, 'id'>[], pageSize: number): number | undefined {
  return page.length < pageSize ? undefined : page.at(-1)?.id;
}

/** "user", "token" or "system", from the actor ("user:usr_…", "token:tok_…", "system"). */
export function actorKind(actor: string): 'user' | 'token' | 'system' {
  if (actor.startsWith('user:')) return 'user';
  if (actor.startsWith('token:')) return 'token';
  return 'system';
}

/**
 * What an entry records, in words. Actions the console does not know yet (the server adds them
 * as it grows) show as recorded.
 */
export function describeAuditEntry(entry: Pick<AuditEntry, 'action' | 'detail'>): string {
  const { detail } = entry;
  const text = (key: string) => (typeof detail[key] === 'string' || typeof detail[key] === 'number' ? String(detail[key]) : null);
  switch (entry.action) {
    case 'member.invite':
      return `Invited someone as ${text('role') ?? 'a member'}`;
    case 'member.join':
      return `Joined as ${text('role') ?? 'a member'}`;
    case 'member.role':
      return `Changed a role${text('from') ? ` from ${text('from')}` : ''}${text('to') ? ` to ${text('to')}` : ''}`;
    case 'member.remove':
      return `Removed a member${text('role') ? ` (${text('role')})` : ''}`;
    case 'token.create':
      return `Created an API token${text('role') ? ` (${text('role')})` : ''}`;
    case 'token.revoke':
      return 'Revoked an API token';
    case 'secret.set':
      return detail.replaced === true ? 'Replaced a secret' : 'Added a secret';
    case 'secret.remove':
      return 'Removed a secret';
    case 'journey.publish':
      if (detail.unchanged === true) return `Published again, unchanged${text('version') ? ` (v${text('version')})` : ''}`;
      return text('version') ? `Published version ${text('version')}` : 'Published';
    case 'write-key.rotate':
      return text('graceHours') ? `Rotated the write key (old one kept ${text('graceHours')} h)` : 'Rotated the write key';
    case 'sender.save':
      return 'Changed the email sender';
    case 'policy.save':
      return 'Changed the message policy (caps, quiet hours, opt-in)';
    case 'topic.save':
      return text('name') ? `Saved the topic "${text('name')}"` : 'Saved a topic';
    case 'topic.remove':
      return 'Removed a topic';
    case 'consent.set': {
      const what = [text('channel'), text('topic') ? `"${text('topic')}"` : null].filter(Boolean).join(' ');
      return `${text('status') === 'subscribed' ? 'Subscribed' : 'Unsubscribed'} a contact${what ? ` (${what})` : ''}`;
    }
    case 'suppression.remove':
      return `Lifted a suppression${text('reason') ? ` (${text('reason')})` : ''}`;
    case 'template.create':
      return `Created the ${text('kind') ?? 'template'}${text('name') ? ` "${text('name')}"` : ''}`;
    case 'template.create-starter-library':
      return 'Created the starter email library';
    case 'template.publish':
      if (detail.unchanged === true) return `Published a template again, unchanged${text('version') ? ` (v${text('version')})` : ''}`;
      return text('version') ? `Published template version ${text('version')}` : 'Published a template';
    case 'template.restore':
      return text('version') ? `Restored template version ${text('version')} into the draft` : 'Restored a template version';
    case 'template.archive':
      return 'Archived a template';
    default:
      return entry.action;
  }
}

/** The entry's target as a reader knows it: a member's email rather than their user id. */
export function targetLabel(target: string, emailsById: ReadonlyMap<string, string>): string {
  return emailsById.get(target) ?? target;
}
