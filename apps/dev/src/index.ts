export { readDevEnv, type DevEnv } from './env.js';
export { startMailCatcher, type MailCatcher } from './mail-catcher.js';
export { cacheDir, resolveTemporalCli, resolveTestServer, temporalPins } from './temporal-binaries.js';
export { startTemporalDevServer, type DevServer } from './temporal-dev-server.js';
export { startTend, type RunningTend } from './tend.js';
