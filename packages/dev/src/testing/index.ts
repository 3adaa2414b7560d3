export { startSmtpPeer, type ReceivedMail, type SmtpPeer } from '@tend/channels/testing';
export { localTemporal, timeSkippingTemporal } from './temporal.js';
export { startTestTend, trackingBaseUrl, type TestTend, type TestTendOptions } from './test-tend.js';
export { freePort } from './free-port.js';
export { exited, runCli, spawnTend, type TendProcess } from './tend-process.js';
export { chromiumPath, launchChromium } from './browser.js';
