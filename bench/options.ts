import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Contacts identified in the identify→email section (one welcome email each), and again at a steady pace. */
  contacts: number;
  /** identify calls per second in the paced identify→email run (section 2b). */
  rate: number;
  /** Batches of 100 track events posted to /v1/batch. */
  batches: number;
  /** Contacts enrolled into the abandoned-cart journey, then routed an order each (section 5.1–5.2). */
  enrol: number;
  /** Contacts left waiting 30 days while memory is read (sections 5.3 and 5.5). */
  waiting: number;
  /** Emails and web pushes sent each way in section 7 (the channels); policy checks and renders scale with it. */
  channelSends: number;
  /** Which parts run: sections 1–5 (Tend started as `npm start`), 6 (the audience), 7 (the channels). */
  sections: { engine: boolean; audience: boolean; channels: boolean };
  /** Part of sections 1–5 alone, or all of them: see `engineParts`. */
  enginePart: EnginePart;
}

/** `--only` also takes these, each a part of sections 1–5 run alone. */
const engineParts = {
  identify: 'sections 1, 2 and 2b (start-up, identify → email)',
  routing: 'sections 5.1 and 5.2 (enrolment, events routed to waiting runs)',
  postgres: 'sections 3b and 5.5 (ingest, and contacts waiting, with server and worker apart on DATABASE_URL)',
} as const;
export type EnginePart = keyof typeof engineParts | 'all';

/** The parts `--only` names and `--skip-*` leaves out. */
const parts = ['audience', 'channels'] as const;

export const usage = `usage: npm run bench -- [--contacts N] [--rate N] [--batches N] [--enrol N] [--waiting N]
                             [--channel-sends N] [--skip-audience] [--skip-channels]
                             [--only identify | routing | postgres | audience | channels]

  --contacts N   identify calls, one welcome email each (default 200, at most 5000); sent again at --rate
  --rate N       identify calls per second in the paced identify → email run (default 20, at most 500)
  --batches N    /v1/batch calls of 100 track events each (default 50, at most 1000)
  --enrol N      contacts enrolled into abandoned cart, then sent their order (default 2000, at most 20000)
  --waiting N    contacts left waiting 30 days for the memory figures (default 10000, at most 100000);
                 5.3 on npm start, 5.5 as separate server and worker processes (needs DATABASE_URL)
  --channel-sends N  emails and web pushes sent each way in section 7 (default 400, at most 5000)
  --skip-audience  leave out section 6 (the audience on the Online Retail log, about 3 min)
  --skip-channels  leave out section 7 (the channels' send path, under a minute)
  --only identify  run sections 1, 2 and 2b alone (start-up, identify → email, at a steady --rate)
  --only routing   run sections 5.1 and 5.2 alone (enrolment and routing, --enrol contacts)
  --only postgres  run sections 3b and 5.5 alone (ingest, --waiting contacts; server and worker apart; needs DATABASE_URL)
  --only audience  run section 6 alone
  --only channels  run section 7 alone`;

/** Reads the command line; sizes are bounded so a run always ends. */
export function parseOptions(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      contacts: { type: 'string' },
      rate: { type: 'string' },
      batches: { type: 'string' },
      enrol: { type: 'string' },
      waiting: { type: 'string' },
      'channel-sends': { type: 'string' },
      'skip-audience': { type: 'boolean' },
      'skip-channels': { type: 'boolean' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const enginePart: EnginePart = values.only !== undefined && values.only in engineParts ? (values.only as EnginePart) : 'all';
  const only = enginePart === 'all' ? values.only : undefined;
  if (only !== undefined && !parts.includes(only as (typeof parts)[number])) {
    const named = Object.entries(engineParts).map(([part, what]) => `"${part}" (${what})`);
    throw new Error(`--only takes ${named.join(', ')}, "audience" (section 6) or "channels" (section 7), got "${only}"`);
  }
  const skipped = (part: (typeof parts)[number]) => values[`skip-${part}`] === true;
  if (only && skipped(only as (typeof parts)[number])) throw new Error(`--only ${only} and --skip-${only} leave nothing to run`);
  return {
    contacts: count('--contacts', values.contacts, 200, 5000),
    rate: count('--rate', values.rate, 20, 500),
    batches: count('--batches', values.batches, 50, 1000),
    enrol: count('--enrol', values.enrol, 2000, 20_000),
    waiting: count('--waiting', values.waiting, 10_000, 100_000),
    channelSends: count('--channel-sends', values['channel-sends'], 400, 5000),
    sections: {
      engine: only === undefined,
      audience: enginePart !== 'all' ? false : only === undefined ? !skipped('audience') : only === 'audience',
      channels: enginePart !== 'all' ? false : only === undefined ? !skipped('channels') : only === 'channels',
    },
    enginePart,
  };
}

function count(flag: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`${flag} must be a whole number from 1 to ${max}, got "${raw}"`);
  return value;
}
