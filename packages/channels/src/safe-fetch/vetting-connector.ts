import { isIP } from 'node:net';
import type { buildConnector } from 'undici';

/**
 * An undici connector that vets every connection it opens (the first request, each redirect,
 * each new pooled socket) and dials the vetted address itself, so DNS cannot answer differently
 * between the check and the connect. TLS still presents and verifies the URL's host name.
 */
export function vettingConnector(vet: (hostname: string) => Promise<string>, connect: buildConnector.connector): buildConnector.connector {
  return (options, callback) => {
    vet(options.hostname).then(
      (address) => connect({ ...options, hostname: address, servername: options.servername || serverName(options.hostname) }, callback),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  };
}

/** SNI carries names only, without the root's trailing dot. */
function serverName(hostname: string): string | undefined {
  return isIP(hostname) ? undefined : hostname.replace(/\.$/, '');
}
