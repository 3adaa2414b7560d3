import ipaddr from 'ipaddr.js';
import { canonicalAddress, isIpAddress, isMetadataAddress } from './internal-address.js';

/** Internal targets an operator lets server-side fetches reach (TEND_FETCH_ALLOW), parsed once. */
export interface FetchAllowlist {
  /** Host names, lower case, without a trailing dot. */
  names: ReadonlySet<string>;
  /** Ranges; a single address is a range of one. */
  networks: readonly (readonly [ipaddr.IPv4 | ipaddr.IPv6, number])[];
}

const hostName = /^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$/;

/**
 * Reads allowlist entries: host names (`crm.internal`), addresses (`127.0.0.1`, `::1`) and CIDR
 * ranges (`10.0.0.0/8`). A name allows whatever it resolves to; an address or range allows
 * those addresses under any name. Throws on an entry that is none of these.
 */
export function parseFetchAllowlist(entries: readonly string[]): FetchAllowlist {
  const names = new Set<string>();
  const networks: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  for (const raw of entries) {
    const entry = bareHost(raw.trim());
    if (!entry) continue;
    if (entry.includes('/') && ipaddr.isValidCIDR(entry)) networks.push(ipaddr.parseCIDR(entry));
    else if (isIpAddress(entry)) {
      const address = canonicalAddress(entry);
      networks.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else if (hostName.test(entry)) names.add(entry);
    else throw new Error(`TEND_FETCH_ALLOW: "${raw}" is not a host name, an IP address or a CIDR range`);
  }
  return { names, networks };
}

/** A host as compared: lower case, IPv6 brackets and a trailing dot removed. */
export function bareHost(host: string): string {
  return host.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}

export function allowsName(allowlist: FetchAllowlist, name: string): boolean {
  return allowlist.names.has(bareHost(name));
}

/** A cloud metadata address is allowed only when named exactly: allowing 169.254.0.0/16 must not hand out credentials. */
export function allowsAddress(allowlist: FetchAllowlist, address: string): boolean {
  const canonical = canonicalAddress(bareHost(address));
  const fullLength = canonical.kind() === 'ipv4' ? 32 : 128;
  return allowlist.networks.some(
    ([network, length]) => network.kind() === canonical.kind() && canonical.match(network, length) && (length === fullLength || !isMetadataAddress(canonical)),
  );
}
