import { allowsName, bareHost, forbiddenAddressKind, isIpAddress, refusedHost, type FetchAllowlist } from '@tend/journey';
import { RefusedTargetError } from '../errors.js';
import type { Resolver } from './resolver.js';

/**
 * The address to connect to for this host, checked: a literal address must not be internal, and
 * a name must resolve only to addresses that are not (one internal answer among public ones is
 * enough to refuse: the attacker picks which one is used). Names and addresses in the allowlist
 * pass. Throws RefusedTargetError naming the host and the rule.
 */
export async function vetTarget(hostname: string, allowlist: FetchAllowlist, resolve: Resolver): Promise<string> {
  const host = bareHost(hostname);
  const refused = refusedHost(host, allowlist);
  if (refused) throw new RefusedTargetError(refused);
  if (isIpAddress(host)) return host;

  const addresses = await resolve(host);
  if (!allowsName(allowlist, host)) {
    for (const address of addresses) {
      const kind = forbiddenAddressKind(address, allowlist);
      if (kind) throw new RefusedTargetError(`${host} resolves to ${address}, ${kind}`);
    }
  }
  const [first] = addresses;
  if (!first) throw new Error(`${host} resolves to no address`);
  return first;
}
