import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * Instance-metadata services: a request that reaches one is handed the machine's cloud
 * credentials. They sit in internal ranges anyway; naming them makes the refusal plain, and an
 * allowlisted range does not open them (see allowlist.ts).
 */
const metadataAddresses = new Set([
  '169.254.169.254', // AWS, GCP, Azure, Oracle, DigitalOcean
  '169.254.170.2', // AWS ECS task credentials
  '100.100.100.200', // Alibaba Cloud
  'fd00:ec2::254', // AWS over IPv6
]);

/** How each internal range ipaddr.js knows is named in a refusal; the rest are "special-purpose". */
const rangeNames: Record<string, string> = {
  unspecified: 'an unspecified address',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address',
  carrierGradeNat: 'a carrier-grade NAT address',
  private: 'a private address',
  uniqueLocal: 'a private address (IPv6 unique local)',
  deprecatedSiteLocal: 'a private address (IPv6 site-local)',
  reserved: 'a reserved address',
  benchmarking: 'a benchmarking address',
};

/** True for an IP address as URLs and resolvers write it (dotted-quad IPv4, or IPv6). */
export function isIpAddress(host: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(host) || ipaddr.IPv6.isValid(host);
}

/** The address an IPv4 one is written as (mapped, compatible, NAT64, 6to4 forms), or the address itself. */
export function canonicalAddress(address: string): Address {
  const parsed = ipaddr.parse(address);
  return parsed instanceof ipaddr.IPv6 ? (embeddedIPv4(parsed) ?? parsed) : parsed;
}

export function isMetadataAddress(address: Address): boolean {
  return metadataAddresses.has(address.toNormalizedString()) || metadataAddresses.has(address.toString());
}

/**
 * Why a server-side fetch must not connect to this IP address ("a loopback address"), or
 * undefined for a public unicast one. An IPv4 address written as IPv6 is judged as the IPv4
 * address it reaches.
 */
export function internalAddressKind(address: string): string | undefined {
  const parsed = ipaddr.parse(address);
  const inner = parsed instanceof ipaddr.IPv6 ? embeddedIPv4(parsed) : undefined;
  if (inner) {
    const kind = internalAddressKind(inner.toString());
    return kind && `${kind} (IPv4 ${inner.toString()} written as IPv6)`;
  }
  if (isMetadataAddress(parsed)) return 'a cloud metadata address';
  const range: string = parsed.range();
  if (range === 'unicast') return undefined;
  return rangeNames[range] ?? `a special-purpose address (${range})`;
}

/** The IPv4 address inside an IPv6 one that only carries it (RFC 4291 mapped and compatible, RFC 6052 NAT64, RFC 3056 6to4). */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const parts = address.parts;
  const word = (index: number) => parts[index] ?? 0;
  const fromWords = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  const range: string = address.range();
  const compatible = range === 'unicast' && parts.slice(0, 6).every((part) => part === 0);
  const nat64 = range === 'rfc6052' && word(1) === 0xff9b && parts.slice(2, 6).every((part) => part === 0);
  if (range === 'ipv4Mapped' || range === 'rfc6145' || compatible || nat64) return fromWords(word(6), word(7));
  if (range === '6to4') return fromWords(word(1), word(2));
  return undefined;
}
