import { isIP } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * The host names requests may carry. A DNS-rebinding page reaches this server under the page's own
 * name, and the browser sends that name as Host: refusing unknown names keeps such a page from
 * reading the console or the API of a server on loopback or a private network.
 */
export interface AllowedHosts {
  /** Lower case, without port. */
  names: ReadonlySet<string>;
  /** localhost, 127.0.0.1 and [::1] on any port too: the server listens on loopback only. */
  loopback: boolean;
}

export interface HostSettings {
  /** TEND_PUBLIC_URL: its host is the name browsers and SDKs use. */
  publicUrl?: string;
  /** TEND_ALLOWED_HOSTS: more names, e.g. a reverse proxy's upstream name. */
  allowedHosts?: readonly string[];
  /** HOST, the interface the server listens on. */
  host: string;
}

const loopbackNames = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Throws, naming TEND_PUBLIC_URL, when the server listens beyond loopback without knowing its name. */
export function allowedHostsFor(settings: HostSettings): AllowedHosts {
  const names = new Set<string>();
  if (settings.publicUrl) names.add(hostnameOf(new URL(settings.publicUrl).host));
  for (const host of settings.allowedHosts ?? []) names.add(hostnameOf(host));
  const loopback = isLoopbackAddress(settings.host);
  // Refusing to start beats starting with every request refused behind a green health check.
  if (names.size === 0 && !loopback) {
    throw new Error(
      `HOST=${settings.host} listens beyond this machine, so set TEND_PUBLIC_URL to the address browsers and SDKs use ` +
        '(e.g. https://tend.example.com), and TEND_ALLOWED_HOSTS to any other names it is reached by: ' +
        'requests naming another host are refused, a defence against DNS rebinding.',
    );
  }
  return { names, loopback };
}

/** Whether HOST (an address or a name to listen on) is loopback only. */
function isLoopbackAddress(host: string): boolean {
  const address = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return address === 'localhost' || address === '::1' || (isIP(address) === 4 && address.startsWith('127.'));
}

/** Answers 421, naming the variables to set, to a request for a host this server is not. */
export function refuseUnknownHosts(app: FastifyInstance, allowed: AllowedHosts): void {
  app.addHook('onRequest', async (request, reply) => {
    const host = request.headers.host;
    if (host !== undefined && hostAllowed(allowed, hostnameOf(host), request)) return;
    const named = host === undefined ? 'no Host header' : `Host "${host.slice(0, 100)}"`;
    return reply.code(421).send({
      error: 'unknown_host',
      message: `${named}: this server answers only to its own names, a defence against DNS rebinding. If this is its address, set TEND_PUBLIC_URL to it or add the name to TEND_ALLOWED_HOSTS.`,
    });
  });
}

function hostAllowed(allowed: AllowedHosts, name: string, request: FastifyRequest): boolean {
  if (allowed.names.has(name) || (allowed.loopback && loopbackNames.has(name))) return true;
  // Health checkers call by address (127.0.0.1 in the image's HEALTHCHECK, a pod IP in Kubernetes);
  // a rebinding page can only send its own domain name, never an IP address.
  return request.routeOptions.url === '/healthz' && (loopbackNames.has(name) || isIP(name.replace(/^\[(.*)\]$/, '$1')) !== 0);
}

/** "Tend.Example.com:443" -> "tend.example.com"; "[::1]:3000" and "::1" -> "[::1]". */
function hostnameOf(host: string): string {
  const lower = host.trim().toLowerCase();
  if (isIP(lower) === 6) return `[${lower}]`;
  const name = lower.startsWith('[') ? lower.slice(0, lower.indexOf(']') + 1) : lower.replace(/:\d*$/, '');
  return name.replace(/\.$/, '');
}
