export { appliedActions } from './applied-actions.js';
export { contacts } from './contacts.js';
export { events } from './events.js';
export { journeys, journeyVersions } from './journeys.js';
export { listMemberships, lists } from './lists.js';
export { devMailbox, messages } from './messages.js';
export { pushSubscriptions } from './push-subscriptions.js';
export { workspaces } from './workspaces.js';
export { enrolments, nodeVisits, segmentMemberships } from './enrolments.js';
