import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared data sets sit beside the repository (`<repo>/../shared/data`), or where TEND_SHARED_DATA says. */
const sharedData = process.env.TEND_SHARED_DATA ?? fileURLToPath(new URL('../../../../../shared/data', import.meta.url));

/**
 * The UCI Online Retail log (541,909 lines, gzip), or null where this machine lacks it. CI must
 * have it — the full-data tests are what checks the importer's figures — so there a missing file
 * is an error that says where it was looked for, not a quiet skip.
 */
export function onlineRetailDataSet(): string | null {
  const file = join(sharedData, 'online-retail', 'online-retail.csv.gz');
  if (existsSync(file)) return file;
  if (process.env.CI === 'true') throw new Error(`the Online Retail data set is missing: expected ${file} (set TEND_SHARED_DATA to the shared data directory)`);
  console.warn(`Online Retail tests skipped: no ${file} (set TEND_SHARED_DATA to the shared data directory)`);
  return null;
}
