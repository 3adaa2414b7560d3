import { consentsOf, setConsent, type ConsentSource, type ConsentStatus } from '@tend/channels';
import { asc, eq, subscriptionTopics, type Database } from '@tend/db';
import type { LinkClaim } from './link-claim.js';

/** One topic as the preference page shows it. */
export interface TopicChoice {
  id: string;
  name: string;
  description: string;
  subscribed: boolean;
}

/** What the preference page shows: the workspace's topics and whether all marketing email is off. */
export interface EmailPreferences {
  topics: TopicChoice[];
  unsubscribedFromAll: boolean;
}

/** What the contact chose on the page: the topics left ticked, and "unsubscribe from all". */
export interface PreferenceChoice {
  topics: ReadonlySet<string>;
  unsubscribeFromAll: boolean;
}

/**
 * The contact's email preferences. A topic the contact never stated shows ticked: no row means
 * the contact has not said no (a workspace that requires opt-in still asks the policy step).
 */
export async function emailPreferences(db: Database, link: LinkClaim): Promise<EmailPreferences> {
  const [topics, states] = await Promise.all([
    db.select().from(subscriptionTopics).where(eq(subscriptionTopics.workspaceId, link.workspaceId)).orderBy(asc(subscriptionTopics.name)),
    consentsOf(db, link.workspaceId, link.contactId, 'email'),
  ]);
  return {
    topics: topics.map((topic) => ({ id: topic.id, name: topic.name, description: topic.description, subscribed: states.get(topic.id) !== 'unsubscribed' })),
    unsubscribedFromAll: states.get('') === 'unsubscribed',
  };
}

/**
 * Saves what the contact chose: one consent change per topic whose state differs from what the
 * page showed, so saving an untouched page records nothing. Topics the workspace does not have
 * are ignored (the form is the contact's, not ours).
 */
export async function saveEmailPreferences(db: Database, link: LinkClaim, choice: PreferenceChoice): Promise<void> {
  const shown = await emailPreferences(db, link);
  const wanted = (on: boolean): ConsentStatus => (on ? 'subscribed' : 'unsubscribed');
  for (const topic of shown.topics) {
    if (topic.subscribed !== choice.topics.has(topic.id)) await change(db, link, topic.id, wanted(choice.topics.has(topic.id)), 'preference-page');
  }
  if (shown.unsubscribedFromAll !== choice.unsubscribeFromAll) await change(db, link, '', wanted(!choice.unsubscribeFromAll), 'preference-page');
}

/** One-click (RFC 8058): unsubscribes from the message's topic, or from all marketing email when it had none. */
export async function unsubscribeOneClick(db: Database, link: LinkClaim): Promise<void> {
  await change(db, link, link.topic, 'unsubscribed', 'one-click');
}

async function change(db: Database, link: LinkClaim, topic: string, status: ConsentStatus, source: ConsentSource): Promise<void> {
  await setConsent(db, { workspaceId: link.workspaceId, contactId: link.contactId, channel: 'email', topic, status, source, detail: { message: link.idempotencyKey } });
}
