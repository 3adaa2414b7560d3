import { allowsAddress, allowsName, bareHost, type FetchAllowlist } from './allowlist.js';
import { internalAddressKind, isIpAddress } from './internal-address.js';
import { internalNameKind } from './internal-name.js';

/** The kind of internal address this is ("a private address"), unless the allowlist lets it through. */
export function forbiddenAddressKind(address: string, allowlist: FetchAllowlist): string | undefined {
  return allowsAddress(allowlist, address) ? undefined : internalAddressKind(bareHost(address));
}

/** Why a server-side fetch may not connect to this address ("10.0.0.5 is a private address"), or undefined. */
export function refusedAddress(address: string, allowlist: FetchAllowlist): string | undefined {
  const kind = forbiddenAddressKind(address, allowlist);
  return kind && `${bareHost(address)} is ${kind}`;
}

/**
 * What can be said of a URL's host without DNS: why it is refused (a literal internal address,
 * localhost, a metadata name), or undefined. A name that only resolves to an internal address
 * passes here and is refused when the request is made.
 */
export function refusedHost(host: string, allowlist: FetchAllowlist): string | undefined {
  const bare = bareHost(host);
  if (isIpAddress(bare)) return refusedAddress(bare, allowlist);
  if (allowsName(allowlist, bare)) return undefined;
  const kind = internalNameKind(bare);
  return kind && `${bare} is ${kind}`;
}

/** The publish-time check of a URL a node will fetch; undefined when it is not an http(s) URL (its schema says so). */
export function refusedUrl(url: string, allowlist: FetchAllowlist): string | undefined {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return undefined;
  }
  return refusedHost(host, allowlist);
}
