import { BlockList, isIPv4, isIPv6 } from 'node:net';
import type { HttpUrlProblem } from '../util/http-url';

/** Why an address is not a public unicast one (the IANA special-purpose registries). */
export type AddressReason =
  | 'unspecified'
  | 'loopback'
  | 'private-use'
  | 'cgnat'
  | 'link-local'
  | 'multicast'
  | 'broadcast'
  | 'unique-local'
  | 'site-local'
  | 'documentation'
  | 'benchmarking'
  | 'reserved'
  | 'not-an-ip';

/** One parsed CIDR block. */
export interface Cidr {
  address: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

/** Which targets the HTTP sender may reach. */
export interface AddressGuardOptions {
  /** Reach any address (development, tests, a trusted network). */
  allowPrivateTargets: boolean;
  /** CIDRs exempt from the check, e.g. `['10.20.0.0/16', '::1/128']`. */
  allowedCidrs: readonly string[];
}

/** A refused range: why, and which block of the special-purpose registries (`127.0.0.0/8`). */
export interface AddressRange {
  reason: AddressReason;
  range: string;
  /** Set when an IPv6 address was judged by the IPv4 address it carries. */
  carried?: 'IPv4-mapped' | 'NAT64' | '6to4';
}

/** A compiled guard: `blockedReason(ip)` is `null` when the sender may connect to `ip`. */
export interface AddressGuard {
  blockedReason(ip: string): AddressReason | null;
  /** As `blockedReason`, naming the range. */
  blockedRange(ip: string): AddressRange | null;
}

// Most specific first: the first matching rule names the reason.
const IPV4_RULES: [AddressReason, string[]][] = [
  ['broadcast', ['255.255.255.255/32']],
  ['unspecified', ['0.0.0.0/8']],
  ['loopback', ['127.0.0.0/8']],
  ['private-use', ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']],
  ['cgnat', ['100.64.0.0/10']],
  ['link-local', ['169.254.0.0/16']],
  ['documentation', ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24']],
  ['benchmarking', ['198.18.0.0/15']],
  ['multicast', ['224.0.0.0/4']],
  ['reserved', ['192.0.0.0/24', '192.88.99.0/24', '240.0.0.0/4']],
];
const IPV6_RULES: [AddressReason, string[]][] = [
  ['unspecified', ['::/128']],
  ['loopback', ['::1/128']],
  ['unique-local', ['fc00::/7']],
  ['link-local', ['fe80::/10']],
  ['site-local', ['fec0::/10']],
  ['multicast', ['ff00::/8']],
  ['documentation', ['2001:db8::/32', '3fff::/20']],
  ['reserved', ['2001::/23', '5f00::/16', '64:ff9b:1::/48', '100::/64']],
];
const IPV4_TABLE = compileRules(IPV4_RULES);
const IPV6_TABLE = compileRules(IPV6_RULES);
// Global unicast IPv6 is 2000::/3; everything else not named above is reserved.
const OUTSIDE_GLOBAL_UNICAST = '::/0 outside 2000::/3';

/**
 * Parses `address/prefix` (IPv4 or IPv6); a bare address means a single host.
 * Throws an Error naming the value when it is malformed, so config can fail at boot.
 */
export function parseCidr(text: string): Cidr {
  const [address, prefixText, extra] = text.trim().split('/');
  const family = isIPv4(address) ? 'ipv4' : isIPv6(address) && !address.includes('%') ? 'ipv6' : null;
  if (family === null || extra !== undefined) {
    throw new Error(`invalid CIDR "${text}": expected an IPv4 or IPv6 address and an optional /prefix`);
  }
  const max = family === 'ipv4' ? 32 : 128;
  const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= max)) {
    throw new Error(`invalid CIDR "${text}": the prefix length must be between 0 and ${max}`);
  }
  return { address, prefix, family };
}

/** Parses every CIDR of a list; throws on the first malformed one. */
export function parseCidrs(list: readonly string[]): Cidr[] {
  return list.map(parseCidr);
}

/**
 * `null` for a public unicast address, otherwise why it is not one. IPv4-mapped
 * (`::ffff:127.0.0.1`), NAT64 (`64:ff9b::/96`) and 6to4 (`2002::/16`) addresses are
 * judged by the IPv4 address they carry; IPv6 outside 2000::/3 is reserved.
 */
export function classifyAddress(ip: string): AddressReason | null {
  return classifyRange(ip)?.reason ?? null;
}

/** As {@link classifyAddress}, naming the refused range (`range` is empty for `not-an-ip`). */
export function classifyRange(ip: string): AddressRange | null {
  if (isIPv4(ip)) return firstMatch(IPV4_TABLE, ip, 'ipv4');
  const bare = ip.split('%')[0];
  if (!isIPv6(bare)) return { reason: 'not-an-ip', range: '' };
  const g = ipv6Groups(bare);
  const upperZero = g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0;
  if (upperZero && g[5] === 0xffff) return carrying(groupsToIPv4(g[6], g[7]), 'IPv4-mapped');
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0) {
    return carrying(groupsToIPv4(g[6], g[7]), 'NAT64');
  }
  if (g[0] === 0x2002) return carrying(groupsToIPv4(g[1], g[2]), '6to4');
  const range = firstMatch(IPV6_TABLE, bare, 'ipv6');
  if (range !== null) return range;
  return (g[0] & 0xe000) === 0x2000 ? null : { reason: 'reserved', range: OUTSIDE_GLOBAL_UNICAST };
}

function carrying(ipv4: string, carried: NonNullable<AddressRange['carried']>): AddressRange | null {
  const range = firstMatch(IPV4_TABLE, ipv4, 'ipv4');
  return range === null ? null : { ...range, carried };
}

/** Compiles the options once (throws on a malformed CIDR) into a reusable guard. */
export function createAddressGuard(options: AddressGuardOptions): AddressGuard {
  const allowed = toBlockList(options.allowedCidrs);
  const blockedRange = (ip: string): AddressRange | null => {
    if (options.allowPrivateTargets) return null;
    const range = classifyRange(ip);
    return range === null || contains(allowed, ip) ? null : range;
  };
  return { blockedRange, blockedReason: (ip) => blockedRange(ip)?.reason ?? null };
}

// RFC 6761: `localhost` and every name under it are loopback, whatever DNS says.
const LOCALHOST_NAME = /^(?:.+\.)?localhost\.?$/;
const LOOPBACKS = ['127.0.0.1', '::1'];

/**
 * Why a hook URL's host can never be a target, or `null` when it may be: an IP literal in a
 * refused range (after the WHATWG parser's normalisation, so `2130706433`, `0x7f.1` and
 * `[::ffff:127.0.0.1]` are all 127.0.0.1), or a `localhost` name while loopback is refused.
 * A DNS name is left to the send-time check, which sees the address actually connected to.
 */
export function targetHostRefusal(guard: AddressGuard, url: URL): string | null {
  const literal = ipLiteralOf(url);
  if (literal !== null) {
    const range = guard.blockedRange(literal);
    if (range === null) return null;
    const carried = range.carried ? ` (an ${range.carried} address)` : '';
    return `url host ${url.hostname}${carried} is in ${range.range} (${range.reason}), where hookwire does not deliver; HOOKWIRE_ALLOWED_CIDRS can exempt a range`;
  }
  if (!LOCALHOST_NAME.test(url.hostname)) return null;
  // An allow-list exempting either loopback address lets localhost through to the send-time check.
  if (LOOPBACKS.some((ip) => guard.blockedRange(ip) === null)) return null;
  return `url host ${url.hostname} is a localhost name, in 127.0.0.0/8 and ::1/128 (loopback), where hookwire does not deliver; HOOKWIRE_ALLOWED_CIDRS can exempt a range`;
}

/** The `blocked` outcome message: `target address 127.0.0.1 is private (loopback)`. */
export function blockedAddressMessage(ip: string, reason: AddressReason, hostname?: string): string {
  const from = hostname !== undefined && hostname !== ip ? ` (resolved from ${hostname})` : '';
  return `target address ${ip}${from} is private (${reason})`;
}

/** The `blocked` outcome message for a URL that cannot be sent to (see `parseHttpUrl`). */
export function unsendableUrlMessage(url: string, problem: HttpUrlProblem): string {
  return problem.problem === 'invalid'
    ? `invalid target URL ${JSON.stringify(url)}`
    : `unsupported target URL scheme "${problem.protocol}" (only http and https)`;
}

/** The IP literal of a URL's hostname without IPv6 brackets, or `null` for a DNS name. */
export function ipLiteralOf(url: URL): string | null {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return isIPv4(host) || isIPv6(host) ? host : null;
}

// One BlockList per CIDR, so a match can name its range.
function compileRules(rules: [AddressReason, string[]][]): [AddressRange, BlockList][] {
  return rules.flatMap(([reason, cidrs]) => cidrs.map((range): [AddressRange, BlockList] => [{ reason, range }, toBlockList([range])]));
}

function toBlockList(cidrs: readonly (string | Cidr)[]): BlockList {
  const list = new BlockList();
  for (const entry of cidrs) {
    const cidr = typeof entry === 'string' ? parseCidr(entry) : entry;
    list.addSubnet(cidr.address, cidr.prefix, cidr.family);
  }
  return list;
}

function firstMatch(table: [AddressRange, BlockList][], ip: string, family: 'ipv4' | 'ipv6'): AddressRange | null {
  return table.find(([, list]) => list.check(ip, family))?.[0] ?? null;
}

function contains(list: BlockList, ip: string): boolean {
  const bare = ip.split('%')[0];
  if (isIPv4(bare)) return list.check(bare, 'ipv4');
  return isIPv6(bare) && list.check(bare, 'ipv6');
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a dotted tail folded in). */
function ipv6Groups(ip: string): number[] {
  let text = ip.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const fill = tail === undefined ? [] : new Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((group) => parseInt(group, 16));
}

function groupsToIPv4(high: number, low: number): string {
  return `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
}
