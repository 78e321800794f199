import net from 'node:net';

/**
 * Which IP addresses a link may reach. Everything that is not the public internet is refused: a member of a
 * server must not be able to make the bot read its own machine, the LAN or the cloud metadata endpoint.
 */
interface Range {
  cidr: string;
  what: string;
}

const IPV4_RANGES: Range[] = [
  { cidr: '0.0.0.0/8', what: 'an unspecified ("this network") address' },
  { cidr: '10.0.0.0/8', what: 'a private address' },
  { cidr: '100.64.0.0/10', what: 'a carrier-grade NAT (shared) address' },
  { cidr: '127.0.0.0/8', what: 'a loopback address' },
  { cidr: '169.254.0.0/16', what: 'a link-local address' },
  { cidr: '172.16.0.0/12', what: 'a private address' },
  { cidr: '192.0.0.0/24', what: 'a reserved (IETF protocol) address' },
  { cidr: '192.0.2.0/24', what: 'a documentation address' },
  { cidr: '192.168.0.0/16', what: 'a private address' },
  { cidr: '198.18.0.0/15', what: 'a benchmarking address' },
  { cidr: '198.51.100.0/24', what: 'a documentation address' },
  { cidr: '203.0.113.0/24', what: 'a documentation address' },
  { cidr: '224.0.0.0/4', what: 'a multicast address' },
  { cidr: '240.0.0.0/4', what: 'a reserved or broadcast address' },
];

const IPV6_RANGES: Range[] = [
  { cidr: '::/128', what: 'an unspecified address' },
  { cidr: '::1/128', what: 'a loopback address' },
  { cidr: '::/96', what: 'a deprecated IPv4-compatible address' },
  { cidr: '100::/64', what: 'a discard-only address' },
  { cidr: '2001:db8::/32', what: 'a documentation address' },
  { cidr: 'fc00::/7', what: 'a unique-local (private) address' },
  { cidr: 'fe80::/10', what: 'a link-local address' },
  { cidr: 'fec0::/10', what: 'a site-local (private) address' },
  { cidr: 'ff00::/8', what: 'a multicast address' },
];

/** IPv6 forms that carry an IPv4 address in their last 32 bits: that IPv4 address is what gets checked. */
const EMBEDS_IPV4 = [/^::ffff:(?:0:)?/i, /^64:ff9b::/i];

function blockList(type: 'ipv4' | 'ipv6', range: Range): { list: net.BlockList; what: string } {
  const [prefix, bits] = range.cidr.split('/');
  const list = new net.BlockList();
  list.addSubnet(prefix, Number(bits), type);
  return { list, what: range.what };
}

const V4 = IPV4_RANGES.map((r) => blockList('ipv4', r));
const V6 = IPV6_RANGES.map((r) => blockList('ipv6', r));

/** "::ffff:7f00:1" and "::ffff:127.0.0.1" both give "127.0.0.1"; other addresses give null. */
function embeddedIpv4(ip: string): string | null {
  const prefix = EMBEDS_IPV4.find((p) => p.test(ip));
  if (!prefix) return null;
  const rest = ip.replace(prefix, '');
  if (net.isIPv4(rest)) return rest;
  const m = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(rest);
  if (!m) return null;
  const [hi, lo] = [parseInt(m[1], 16), parseInt(m[2], 16)];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/** The compressed, lower-case form ("0:0:0:0:0:FFFF:7F00:1" → "::ffff:7f00:1"), as WHATWG URL writes it. */
function canonicalIpv6(ip: string): string {
  return new URL(`http://[${ip}]/`).hostname.slice(1, -1);
}

/** Why an address may not be reached ("a private address"), or null when it is a public one. */
export function addressProblem(address: string): string | null {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (net.isIPv4(ip)) return V4.find((r) => r.list.check(ip, 'ipv4'))?.what ?? null;
  if (!net.isIPv6(ip)) return 'not an IP address';
  const canonical = canonicalIpv6(ip);
  const v4 = embeddedIpv4(canonical);
  if (v4 !== null) return addressProblem(v4);
  return V6.find((r) => r.list.check(canonical, 'ipv6'))?.what ?? null;
}

export function isPublicAddress(address: string): boolean {
  return addressProblem(address) === null;
}
