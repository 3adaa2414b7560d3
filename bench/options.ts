import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Contacts identified in the identify→email section (one welcome email each). */
  contacts: number;
  /** Batches of 100 track events posted to /v1/batch. */
  batches: number;
  /** Contacts enrolled into the abandoned-cart journey, then routed an order each (section 4). */
  enrol: number;
  /** Contacts left waiting 30 days while the Tend process's memory is read (section 4). */
  waiting: number;
}

export const usage = `usage: npm run bench -- [--contacts N] [--batches N] [--enrol N] [--waiting N]

  --contacts N   identify calls, one welcome email each (default 200, at most 5000)
  --batches N    /v1/batch calls of 100 track events each (default 50, at most 1000)
  --enrol N      contacts enrolled into abandoned cart, then sent their order (default 2000, at most 20000)
  --waiting N    contacts left waiting 30 days for the memory figure (default 10000, at most 50000)`;

/** Reads the command line; sizes are bounded so a run always ends. */
export function parseOptions(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      contacts: { type: 'string' },
      batches: { type: 'string' },
      enrol: { type: 'string' },
      waiting: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  return {
    contacts: count('--contacts', values.contacts, 200, 5000),
    batches: count('--batches', values.batches, 50, 1000),
    enrol: count('--enrol', values.enrol, 2000, 20_000),
    waiting: count('--waiting', values.waiting, 10_000, 50_000),
  };
}

function count(flag: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`${flag} must be a whole number from 1 to ${max}, got "${raw}"`);
  return value;
}
