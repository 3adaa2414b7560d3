// Starting and driving Tend without vitest: what bench/ and e2e/scripts use. (index.ts adds the
// vitest fixture, which only loads inside a test run.)
export { startSmtpPeer, type ReceivedMail, type SmtpPeer } from '@tend/channels/testing';
export { chromiumPath, launchChromium } from './browser.js';
export { distinctFreePorts, freePort } from './free-port.js';
export { email, exampleJourney, journey, linkTargets } from './journeys.js';
export { localTemporal, timeSkippingTemporal } from './temporal.js';
export { startTemporalOnFreePorts } from './temporal-on-free-ports.js';
export { spawnServer, spawnWorker, throwawayDatabase, type AppProcess, type ServerProcess } from './server-and-worker.js';
export { exited, runCli, spawnTend, type TendProcess } from './tend-process.js';
export { startTestTend, trackingBaseUrl, type TestTend, type TestTendOptions } from './test-tend.js';
export { eventually, settle } from './wait.js';
export { sharedWorkflowBundle } from './workflow-bundle.js';
