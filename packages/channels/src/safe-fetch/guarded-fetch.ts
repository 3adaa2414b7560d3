import { parseFetchAllowlist } from '@tend/journey';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import { RefusedTargetError, UndeliverableError } from '../errors.js';
import { systemResolver, type Resolver } from './resolver.js';
import { vetTarget } from './vet-target.js';
import { vettingConnector } from './vetting-connector.js';

export interface GuardedFetchOptions {
  /** TEND_FETCH_ALLOW: internal host names, addresses and CIDR ranges that may be reached. */
  allow?: readonly string[];
  /** How names become addresses; the system resolver by default. Tests pass their own. */
  resolve?: Resolver;
  /** Certificate authorities to trust instead of Node's bundled ones (a private CA; a test's own). */
  ca?: string;
}

/**
 * fetch for URLs that users supply (webhooks, push endpoints a browser handed over): refuses
 * loopback, private, link-local, multicast, unspecified, carrier-grade NAT, reserved and cloud
 * metadata targets, checked on every address a name resolves to and pinned for the connection.
 * A refusal rejects with RefusedTargetError (an UndeliverableError: never retried). Throws at
 * once on an allowlist entry it cannot read.
 *
 * It uses undici's own fetch with the Agent it builds: a dispatcher from one undici given to
 * another's fetch (Node's built-in one) breaks across major versions.
 */
export function guardedFetch(options: GuardedFetchOptions = {}): typeof fetch {
  const allowlist = parseFetchAllowlist(options.allow ?? []);
  const resolve = options.resolve ?? systemResolver;
  const connect = buildConnector(options.ca ? { ca: options.ca } : {});
  const dispatcher = new Agent({ connect: vettingConnector((hostname) => vetTarget(hostname, allowlist, resolve), connect) });

  const guarded = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    if (typeof input !== 'string' && !(input instanceof URL)) throw new TypeError('guardedFetch takes a URL, not a Request');
    const url = new URL(input);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UndeliverableError(`refused ${url.protocol} URL: only http and https are fetched`);
    try {
      const response = await undiciFetch(url, { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher });
      return response as unknown as Response;
    } catch (error) {
      throw refusalIn(error) ?? error;
    }
  };
  return guarded as typeof fetch;
}

let strict: typeof fetch | undefined;

/** The guard with an empty allowlist, shared: what user-supplied URLs are fetched with unless a caller passes its own. */
export function strictFetch(): typeof fetch {
  return (strict ??= guardedFetch());
}

/** fetch wraps a connector's error as the cause of "fetch failed": bring a refusal back up. */
function refusalIn(error: unknown): RefusedTargetError | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth++) {
    if (current instanceof RefusedTargetError) return current;
  }
  return undefined;
}
