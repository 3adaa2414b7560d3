import { lookup } from 'node:dns/promises';

/** Every address a host name resolves to, in the order to try them. */
export type Resolver = (hostname: string) => Promise<string[]>;

/** The system's resolver (getaddrinfo: /etc/hosts, then DNS), as the OS would connect. */
export const systemResolver: Resolver = async (hostname) => (await lookup(hostname, { all: true })).map((entry) => entry.address);
