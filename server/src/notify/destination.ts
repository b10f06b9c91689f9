import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { DomainError, badInput } from '../shared/errors.js';

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

/** A destination that is not a public http(s) address; the message is the reason. */
const unsafeDestination = (reason: string) => new DomainError('UNSAFE_DESTINATION', reason);

export const isUnsafeDestination = (err: unknown): err is DomainError => err instanceof DomainError && err.code === 'UNSAFE_DESTINATION';

const defaultResolve = (host: string) => dnsLookup(host, { all: true, verbatim: true });

/** IPv6 forms that carry an IPv4 address, which the network may route to that IPv4 host. */
const EMBEDDING_FORMS: Record<string, { name: string; offset: number; xor?: number }> = {
  ipv4Mapped: { name: 'IPv4-mapped form, ::ffff:0:0/96', offset: 12 },
  rfc6145: { name: 'IPv4-translated form, ::ffff:0:0:0/96', offset: 12 },
  rfc6052: { name: 'NAT64 form, 64:ff9b::/96', offset: 12 },
  '6to4': { name: '6to4 form, 2002::/16', offset: 2 },
  teredo: { name: 'Teredo form, 2001::/32', offset: 12, xor: 0xff },
};

/** The IPv4 address an IPv6 address embeds, and the form embedding it; null for a native IPv6 address. */
function embeddedIPv4(ip: ipaddr.IPv6): { form: string; ipv4: ipaddr.IPv4 } | null {
  const bytes = ip.toByteArray();
  const range = ip.range();
  // ::/96 other than :: and ::1 is the deprecated IPv4-compatible form (::7f00:1 is ::127.0.0.1).
  const compatible = range !== 'unspecified' && range !== 'loopback' && bytes.slice(0, 12).every((b) => b === 0);
  const form = compatible ? { name: 'IPv4-compatible form, ::/96', offset: 12 } : EMBEDDING_FORMS[range];
  if (!form) return null;
  const ipv4 = new ipaddr.IPv4(bytes.slice(form.offset, form.offset + 4).map((b) => b ^ (form.xor ?? 0)));
  return { form: form.name, ipv4 };
}

/** Why an address may not be called, or null when it may. Only plain public unicast passes in production. */
export function addressRefusal(address: string, production: boolean): string | null {
  if (!ipaddr.isValid(address)) return `"${address}" is not an IP address`;
  let ip = ipaddr.parse(address);
  const embedded = ip.kind() === 'ipv6' ? embeddedIPv4(ip as ipaddr.IPv6) : null;
  if (embedded) {
    // Outside production a mapped address (what a dual-stack socket reports) stands for its IPv4 one.
    if (production || ip.range() !== 'ipv4Mapped')
      return `${address} embeds the IPv4 address ${embedded.ipv4.toString()} (${embedded.form}): use a native IPv6 or a plain IPv4 address`;
    ip = embedded.ipv4;
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
    throw unsafeDestination('not a valid absolute URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && !policy.production)) {
    throw unsafeDestination(policy.production ? 'the URL must use https' : 'the URL must use http or https');
  }
  if (url.username || url.password) throw unsafeDestination('the URL must not carry credentials');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) throw unsafeDestination('the URL has no host');
  let addresses: { address: string; family: number }[];
  const literal = ipaddr.isValid(host);
  if (literal) {
    addresses = [{ address: host, family: host.includes(':') ? 6 : 4 }];
  } else {
    try {
      addresses = await (policy.resolve ?? defaultResolve)(host);
    } catch {
      throw unsafeDestination(`the host "${host.slice(0, 100)}" does not resolve`);
    }
  }
  if (!addresses.length) throw unsafeDestination(`the host "${host.slice(0, 100)}" does not resolve`);
  for (const a of addresses) {
    const refusal = addressRefusal(a.address, policy.production);
    if (refusal)
      throw unsafeDestination(`${literal ? 'the address is not public' : 'the host resolves to a non-public address'} (${refusal})`);
  }
  return { url, address: addresses[0].address, family: addresses[0].family === 6 ? 6 : 4 };
}

/** Registration-time check: a clear BAD_USER_INPUT instead of an UNSAFE_DESTINATION. */
export async function validateEndpointUrl(raw: string, policy: DestinationPolicy): Promise<string> {
  if (typeof raw !== 'string' || raw.length > 2048) throw badInput('url must be at most 2048 characters', { field: 'url' });
  try {
    return (await checkDestination(raw.trim(), policy)).url.toString();
  } catch (err) {
    if (isUnsafeDestination(err)) throw badInput(`url refused: ${err.message}`, { field: 'url' });
    throw err;
  }
}
