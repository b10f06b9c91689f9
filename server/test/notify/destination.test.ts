import { describe, expect, it } from 'vitest';
import { addressRefusal, checkDestination, validateEndpointUrl } from '../../src/notify/destination.js';

const resolver = (table: Record<string, string[]>) => async (host: string) => {
  const addresses = table[host];
  if (!addresses) throw new Error('ENOTFOUND');
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

const production = { production: true, resolve: resolver({ 'hooks.example.com': ['93.184.216.34'] }) };

describe('webhook destinations in production (no SSRF)', () => {
  it.each([
    ['loopback IPv4', 'https://127.0.0.1/hook'],
    ['loopback IPv4, other address', 'https://127.8.9.10/hook'],
    ['loopback IPv6', 'https://[::1]/hook'],
    ['unspecified', 'https://0.0.0.0/hook'],
    ['private 10/8', 'https://10.0.0.5/hook'],
    ['private 172.16/12', 'https://172.20.1.1/hook'],
    ['private 192.168/16', 'https://192.168.1.10/hook'],
    ['carrier-grade NAT', 'https://100.64.0.1/hook'],
    ['link-local (cloud metadata)', 'https://169.254.169.254/latest/meta-data'],
    ['link-local IPv6', 'https://[fe80::1]/hook'],
    ['unique-local IPv6', 'https://[fd12:3456::1]/hook'],
    ['IPv4-mapped loopback', 'https://[::ffff:127.0.0.1]/hook'],
    ['IPv4-mapped private, hex form', 'https://[::ffff:a00:1]/hook'],
    ['IPv4-mapped public', 'https://[::ffff:93.184.216.34]/hook'],
    ['NAT64 of loopback', 'https://[64:ff9b::7f00:1]/hook'],
    ['6to4 of private', 'https://[2002:a00:1::1]/hook'],
    ['multicast', 'https://224.0.0.1/hook'],
    ['broadcast', 'https://255.255.255.255/hook'],
    ['decimal-encoded loopback', 'https://2130706433/hook'],
    ['octal-encoded loopback', 'https://0177.0.0.1/hook'],
  ])('refuses %s (%s)', async (_name, url) => {
    await expect(checkDestination(url, production)).rejects.toMatchObject({ code: 'UNSAFE_DESTINATION' });
  });

  it('refuses names that resolve to private addresses, even one among public ones (rebinding)', async () => {
    const policy = {
      production: true,
      resolve: resolver({
        'internal.example.com': ['10.1.2.3'],
        'mixed.example.com': ['93.184.216.34', '127.0.0.1'],
        'v6.example.com': ['::1'],
      }),
    };
    for (const host of ['internal.example.com', 'mixed.example.com', 'v6.example.com']) {
      await expect(checkDestination(`https://${host}/hook`, policy)).rejects.toThrow(/non-public address/);
    }
    await expect(checkDestination('https://nowhere.example.com/hook', policy)).rejects.toThrow(/does not resolve/);
  });

  it('refuses http, other schemes and URLs with credentials', async () => {
    await expect(checkDestination('http://hooks.example.com/hook', production)).rejects.toThrow(/https/);
    await expect(checkDestination('ftp://hooks.example.com/hook', production)).rejects.toThrow(/https/);
    await expect(checkDestination('https://user:pw@hooks.example.com/hook', production)).rejects.toThrow(/credentials/);
    await expect(checkDestination('not a url', production)).rejects.toThrow(/valid/);
  });

  it('accepts https on a public address, and connects to the address it checked', async () => {
    const checked = await checkDestination('https://hooks.example.com/hook', production);
    expect(checked).toMatchObject({ address: '93.184.216.34', family: 4 });
    expect(checked.url.hostname).toBe('hooks.example.com');
    await expect(checkDestination('https://[2606:2800:220:1:248:1893:25c8:1946]/hook', production)).resolves.toMatchObject({ family: 6 });
  });
});

describe('IPv6 forms that embed an IPv4 address', () => {
  it.each([
    ['IPv4-compatible loopback', 'https://[::7f00:1]/hook', /embeds the IPv4 address 127\.0\.0\.1 \(IPv4-compatible/],
    ['IPv4-compatible, dotted', 'https://[::127.0.0.1]/hook', /embeds the IPv4 address 127\.0\.0\.1 \(IPv4-compatible/],
    ['IPv4-compatible private', 'https://[::a00:1]/hook', /embeds the IPv4 address 10\.0\.0\.1 \(IPv4-compatible/],
    ['IPv4-compatible public', 'https://[::5db8:d822]/hook', /embeds the IPv4 address 93\.184\.216\.34 \(IPv4-compatible/],
    ['IPv4-mapped loopback', 'https://[::ffff:127.0.0.1]/hook', /embeds the IPv4 address 127\.0\.0\.1 \(IPv4-mapped/],
    ['IPv4-translated', 'https://[::ffff:0:7f00:1]/hook', /embeds the IPv4 address 127\.0\.0\.1 \(IPv4-translated/],
    ['NAT64 of loopback', 'https://[64:ff9b::7f00:1]/hook', /embeds the IPv4 address 127\.0\.0\.1 \(NAT64/],
    ['6to4 of private', 'https://[2002:a00:1::1]/hook', /embeds the IPv4 address 10\.0\.0\.1 \(6to4/],
    ['Teredo', 'https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook', /embeds the IPv4 address 192\.0\.2\.45 \(Teredo/],
  ])('refuses %s (%s) in production, naming the form and the IPv4 address', async (_name, url, reason) => {
    await expect(checkDestination(url, production)).rejects.toThrow(reason);
  });

  it('refuses a host name that resolves to one, and the IPv4-compatible form even outside production', async () => {
    const policy = { production: true, resolve: resolver({ 'compat.example.com': ['::7f00:1'] }) };
    await expect(checkDestination('https://compat.example.com/hook', policy)).rejects.toThrow(/127\.0\.0\.1 \(IPv4-compatible/);
    await expect(checkDestination('http://[::7f00:1]:4000/hook', { production: false })).rejects.toThrow(/127\.0\.0\.1 \(IPv4-compatible/);
    await expect(checkDestination('http://[64:ff9b::a00:1]/hook', { production: false })).rejects.toThrow(/NAT64/);
  });

  it('refuses it at registration with BAD_USER_INPUT', async () => {
    await expect(validateEndpointUrl('https://[::7f00:1]/', production)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/url refused: .*IPv4-compatible/),
    });
  });
});

describe('outside production', () => {
  const dev = { production: false, resolve: resolver({ localhost: ['127.0.0.1', '::1'] }) };
  it('allows http and loopback for local development, still nothing private', async () => {
    await expect(checkDestination('http://localhost:4000/hook', dev)).resolves.toMatchObject({ address: '127.0.0.1' });
    await expect(checkDestination('http://[::1]:4000/hook', dev)).resolves.toMatchObject({ family: 6 });
    expect(addressRefusal('::ffff:127.0.0.1', false)).toBeNull();
    await expect(checkDestination('http://10.0.0.1/hook', dev)).rejects.toThrow(/private/);
    await expect(checkDestination('http://169.254.169.254/', dev)).rejects.toThrow(/linkLocal/);
  });
});
