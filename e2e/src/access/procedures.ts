import { appRouter } from '@tend/server';

/** Every procedure of the console API, with its kind: the access tests walk all of them. */
export const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: 'query' | 'mutation' | 'subscription' } }>).map(
  ([path, procedure]) => ({ path, type: procedure._def.type as 'query' | 'mutation' }),
);

/** Calls about the signed-in person rather than a workspace (their workspaces, their password). */
export const accountLevel = (path: string) => path.startsWith('account.');

/** The smallest input each procedure accepts, so a refusal is about access, not a missing field. */
export const sampleInput: Record<string, unknown> = {
  'journeys.get': { id: 'welcome' },
  'journeys.stats': { id: 'welcome' },
  'journeys.pause': { id: 'welcome' },
  'journeys.resume': { id: 'welcome' },
  'journeys.archive': { id: 'welcome' },
  'journeys.publish': { graph: {} },
  'journeys.create': { id: 'probe-journey', name: 'Probe' },
  'journeys.version': { id: 'welcome', version: 1 },
  'journeys.contactsAt': { id: 'welcome', nodeId: 'hello' },
  'journeys.removeContact': { id: 'welcome', contactId: 'ada', reason: 'probe' },
  'journeys.moveContact': { id: 'welcome', contactId: 'ada', toNodeId: 'hello', reason: 'probe' },
  'drafts.get': { id: 'welcome' },
  'drafts.save': { id: 'welcome', graph: {}, baseRevision: null },
  'messages.preview': { type: 'send-email', config: {} },
  'messages.sendTest': { type: 'send-email', config: {}, to: 'probe@acme.example' },
  'events.names': {},
  'events.properties': { event: 'Signed Up' },
  'contacts.search': { search: 'ada' },
  'contacts.get': { id: 'ada' },
  'contacts.trail': { id: 'ada', journeyId: 'welcome' },
  'contacts.list': {},
  'contacts.timeline': { id: 'ada' },
  'contacts.export': { id: 'ada' },
  'contacts.erase': { id: 'ada', confirm: true },
  'segments.get': { id: 'probe' },
  'segments.preview': { definition: { kind: 'attribute', attribute: 'plan', op: 'eq', value: 'pro' } },
  'segments.create': { id: 'probe', name: 'Probe', definition: { kind: 'attribute', attribute: 'plan', op: 'eq', value: 'pro' } },
  'segments.update': { id: 'probe', name: 'Probe' },
  'segments.delete': { id: 'probe' },
  'segments.recompute': { id: 'probe' },
  'rfm.saveSettings': { windowDays: 365 },
  'events.recent': { limit: 10 },
  'members.invite': { role: 'analyst' },
  'members.changeRole': { userId: 'nobody', role: 'analyst' },
  'members.remove': { userId: 'nobody' },
  'tokens.create': { name: 'probe', role: 'analyst' },
  'tokens.revoke': { id: 'nothing' },
  'secrets.set': { name: 'PROBE', value: 'probe value' },
  'secrets.remove': { name: 'PROBE' },
  'policy.save': {},
  'policy.saveTopic': { id: 'probe', name: 'Probe' },
  'policy.removeTopic': { id: 'probe' },
  'policy.contactConsents': { contactId: 'ada' },
  'policy.setConsent': { contactId: 'ada', channel: 'email', status: 'subscribed' },
  'account.setPassword': { password: 'a long enough password' },
  'account.createWorkspace': { id: 'probe', name: 'Probe', emailFrom: 'Probe <p@probe.example>' },
};
