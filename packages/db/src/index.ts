export { openDatabase, type Database, type DatabaseHandle, type DatabaseOptions, type Transaction } from './database.js';
export { newId } from './ids.js';
export { isLiveVersion } from './live-version.js';
export { textIn } from './text-in.js';
export * from './schema/index.js';
// Query operators come from here so every package uses this package's single drizzle-orm.
export { and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, ne, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
