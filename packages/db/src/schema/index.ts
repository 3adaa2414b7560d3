export { contacts } from './contacts.js';
export { events } from './events.js';
export { journeys, journeyVersions } from './journeys.js';
export { devMailbox, messages } from './messages.js';
export { workspaces } from './workspaces.js';
