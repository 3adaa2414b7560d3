export { channelFields, customNodeFields, databaseFields, httpFields, port, ssoFields, temporalFields } from './fields.js';
export { readEnv } from './read-env.js';
export { configDir, readToken, saveToken } from './credentials.js';
