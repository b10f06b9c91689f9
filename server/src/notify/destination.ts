import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { badInput } from '../shared/errors.js';

export interface DestinationPolicy {
  /** Production: https only, public unicast addresses only. Otherwise http and loopback are allowed too. */
  production: boolean;
  /** Resolves a host name to every address (injected in tests). */
  resolve?: (host: string) => Promise<{ address: string; family: number }[]>;
}

export interface CheckedDestination {
  url: URL;
  /** The address the request must connect to: the one that was checked (no second lookup to rebind). */
  address: string;
  family: 4 | 6;
}

export class UnsafeDestination extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UnsafeDestination';
  }
}

const defaultResolve = (host: string) => dnsLookup(host, { all: true, verbatim: true });

/** Why an address may not be called, or null when it may. Only plain public unicast passes in production. */
export function addressRefusal(address: string, production: boolean): string | null {
  if (!ipaddr.isValid(address)) return `"${address}" is not an IP address`;
  let ip = ipaddr.parse(address);
  const range = ip.range();
  if (ip.kind() === 'ipv6' && range === 'ipv4Mapped') {
    if (production) return 'IPv4-mapped IPv6 addresses are not allowed';
    ip = (ip as ipaddr.IPv6).toIPv4Address();
  }
  const effective = ip.range();
  if (effective === 'unicast') return null;
  if (!production && effective === 'loopback') return null;
  return `${address} is in a ${effective} range`;
}

/**
 * Parses and checks a webhook URL: scheme, no credentials, and every address its host resolves
 * to. Called at registration and again before each delivery, whose connection then goes to the
 * checked address (so DNS cannot be rebound between the check and the call).
 */
export async function checkDestination(raw: string, policy: DestinationPolicy): Promise<CheckedDestination> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeDestination('not a valid absolute URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && !policy.production)) {
    throw new UnsafeDestination(policy.production ? 'the URL must use https' : 'the URL must use http or https');
  }
  if (url.username || url.password) throw new UnsafeDestination('the URL must not carry credentials');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) throw new UnsafeDestination('the URL has no host');
  let addresses: { address: string; family: number }[];
  if (ipaddr.isValid(host)) {
    addresses = [{ address: host, family: host.includes(':') ? 6 : 4 }];
  } else {
    try {
      addresses = await (policy.resolve ?? defaultResolve)(host);
    } catch {
      throw new UnsafeDestination(`the host "${host.slice(0, 100)}" does not resolve`);
    }
  }
  if (!addresses.length) throw new UnsafeDestination(`the host "${host.slice(0, 100)}" does not resolve`);
  for (const a of addresses) {
    const refusal = addressRefusal(a.address, policy.production);
    if (refusal) throw new UnsafeDestination(`the host resolves to a non-public address (${refusal})`);
  }
  return { url, address: addresses[0].address, family: addresses[0].family === 6 ? 6 : 4 };
}

/** Registration-time check: a clear BAD_USER_INPUT instead of an UnsafeDestination. */
export async function validateEndpointUrl(raw: string, policy: DestinationPolicy): Promise<string> {
  if (typeof raw !== 'string' || raw.length > 2048) throw badInput('url must be at most 2048 characters', { field: 'url' });
  try {
    return (await checkDestination(raw.trim(), policy)).url.toString();
  } catch (err) {
    if (err instanceof UnsafeDestination) throw badInput(`url refused: ${err.reason}`, { field: 'url' });
    throw err;
  }
}
