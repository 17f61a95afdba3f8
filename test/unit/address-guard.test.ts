import { describe, expect, it } from 'vitest';
import {
  blockedAddressMessage,
  classifyAddress,
  classifyRange,
  createAddressGuard,
  ipLiteralOf,
  parseCidr,
  parseCidrs,
  targetHostRefusal,
  unsendableUrlMessage,
} from '../../src/delivery/address-guard';
import { parseHttpUrl } from '../../src/util/http-url';

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'private-use'],
    ['172.16.0.1', 'private-use'],
    ['172.31.255.255', 'private-use'],
    ['192.168.1.1', 'private-use'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['169.254.169.254', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.255', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.0.8', 'reserved'],
    ['192.0.2.10', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['fec0::1', 'site-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::FFFF:10.0.0.1', 'private-use'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['64:ff9b::10.0.0.1', 'private-use'],
    ['2002:c0a8:101::1', 'private-use'],
    ['::127.0.0.1', 'reserved'],
    ['100::1', 'reserved'],
    ['4000::1', 'reserved'],
    ['not an ip', 'not-an-ip'],
    ['', 'not-an-ip'],
  ])('%s is %s', (ip, reason) => {
    expect(classifyAddress(ip)).toBe(reason);
  });

  it.each([
    '8.8.8.8', '1.1.1.1', '93.184.216.34', '172.15.255.255', '172.32.0.0', '100.63.255.255',
    '100.128.0.0', '169.253.0.1', '223.255.255.255', '192.0.1.1', '198.20.0.1',
    '2606:4700:4700::1111', '2a00:1450:4001:82a::200e', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1',
  ])('%s is public', (ip) => {
    expect(classifyAddress(ip)).toBeNull();
  });
});

describe('parseCidr', () => {
  it('parses IPv4, IPv6 and bare addresses', () => {
    expect(parseCidr('127.0.0.0/8')).toEqual({ address: '127.0.0.0', prefix: 8, family: 'ipv4' });
    expect(parseCidr(' ::1/128 ')).toEqual({ address: '::1', prefix: 128, family: 'ipv6' });
    expect(parseCidr('10.0.0.7')).toEqual({ address: '10.0.0.7', prefix: 32, family: 'ipv4' });
    expect(parseCidr('fd00::')).toEqual({ address: 'fd00::', prefix: 128, family: 'ipv6' });
    expect(parseCidrs(['0.0.0.0/0', '::/0'])).toHaveLength(2);
  });

  it.each(['', '10.0.0.0/33', '::/129', '10.0.0/8', '10.0.0.0/', '10.0.0.0/-1', '10.0.0.0/8/8', 'example.com/24', 'fe80::1%eth0/64', '10.0.0.0/8x'])(
    'rejects %j with a clear error',
    (text) => {
      expect(() => parseCidr(text)).toThrow(/^invalid CIDR/);
    },
  );
});

describe('createAddressGuard', () => {
  it('exempts the addresses inside the allowed CIDRs only, an IPv4 block covering its IPv4-mapped form', () => {
    const guard = createAddressGuard({ allowPrivateTargets: false, allowedCidrs: ['127.0.0.0/8', '::1/128', '10.20.0.0/16'] });
    expect(guard.blockedReason('127.0.0.1')).toBeNull();
    expect(guard.blockedReason('::1')).toBeNull();
    expect(guard.blockedReason('::ffff:127.0.0.1')).toBeNull();
    expect(guard.blockedReason('10.20.255.1')).toBeNull();
    expect(guard.blockedReason('10.21.0.1')).toBe('private-use');
    expect(createAddressGuard({ allowPrivateTargets: false, allowedCidrs: [] }).blockedReason('10.20.0.1')).toBe('private-use');
  });

  it('blocks non-public addresses unless exempt or private targets are allowed', () => {
    const strict = createAddressGuard({ allowPrivateTargets: false, allowedCidrs: ['10.20.0.0/16'] });
    expect(strict.blockedReason('127.0.0.1')).toBe('loopback');
    expect(strict.blockedReason('10.20.0.5')).toBeNull();
    expect(strict.blockedReason('10.21.0.5')).toBe('private-use');
    expect(strict.blockedReason('8.8.8.8')).toBeNull();
    const open = createAddressGuard({ allowPrivateTargets: true, allowedCidrs: [] });
    expect(open.blockedReason('127.0.0.1')).toBeNull();
  });

  it('names the range an address falls in, and the IPv4 address an IPv6 one carries', () => {
    expect(classifyRange('127.0.0.1')).toEqual({ reason: 'loopback', range: '127.0.0.0/8' });
    expect(classifyRange('172.20.0.1')).toEqual({ reason: 'private-use', range: '172.16.0.0/12' });
    expect(classifyRange('::ffff:10.0.0.1')).toEqual({ reason: 'private-use', range: '10.0.0.0/8', carried: 'IPv4-mapped' });
    expect(classifyRange('64:ff9b::a9fe:a9fe')).toEqual({ reason: 'link-local', range: '169.254.0.0/16', carried: 'NAT64' });
    expect(classifyRange('4000::1')).toEqual({ reason: 'reserved', range: '::/0 outside 2000::/3' });
    expect(classifyRange('::ffff:8.8.8.8')).toBeNull();
    expect(classifyRange('2606:4700::1111')).toBeNull();
  });

  it('fails at construction on a malformed CIDR', () => {
    expect(() => createAddressGuard({ allowPrivateTargets: false, allowedCidrs: ['10/8'] })).toThrow(/invalid CIDR "10\/8"/);
  });
});

describe('URL helpers', () => {
  it('accepts http(s) URLs only, with clear messages', () => {
    expect(parseHttpUrl('https://example.com/hook')).toEqual(new URL('https://example.com/hook'));
    expect(parseHttpUrl('not a url')).toEqual({ problem: 'invalid' });
    expect(parseHttpUrl('file:///etc/passwd')).toEqual({ problem: 'scheme', protocol: 'file:' });
    expect(unsendableUrlMessage('not a url', { problem: 'invalid' })).toBe('invalid target URL "not a url"');
    expect(unsendableUrlMessage('ftp://example.com/', { problem: 'scheme', protocol: 'ftp:' })).toBe('unsupported target URL scheme "ftp:" (only http and https)');
  });

  it('finds IP literals after URL normalisation', () => {
    expect(ipLiteralOf(new URL('http://[::1]:8080/'))).toBe('::1');
    expect(ipLiteralOf(new URL('http://127.0.0.1/'))).toBe('127.0.0.1');
    expect(ipLiteralOf(new URL('http://0x7f.1/'))).toBe('127.0.0.1');
    expect(ipLiteralOf(new URL('http://2130706433/'))).toBe('127.0.0.1');
    expect(ipLiteralOf(new URL('http://localhost/'))).toBeNull();
  });

  it('refuses private literals and localhost names as hook targets, unless allowed', () => {
    const strict = createAddressGuard({ allowPrivateTargets: false, allowedCidrs: [] });
    const refusal = (url: string) => targetHostRefusal(strict, new URL(url));
    expect(refusal('http://0x7f.1/')).toMatch(/^url host 127\.0\.0\.1 is in 127\.0\.0\.0\/8 \(loopback\)/);
    expect(refusal('http://[::ffff:192.168.0.1]/')).toMatch(/\[::ffff:c0a8:1\] \(an IPv4-mapped address\) is in 192\.168\.0\.0\/16 \(private-use\)/);
    for (const url of ['http://localhost/', 'http://LocalHost.:80/', 'http://a.b.localhost/']) expect(refusal(url)).toMatch(/localhost name.*loopback/);
    for (const url of ['http://example.com/', 'http://localhost.example.com/', 'http://mylocalhost/', 'http://8.8.8.8/', 'http://[2606:4700::1111]/']) {
      expect(refusal(url)).toBeNull();
    }
    const loopbackAllowed = createAddressGuard({ allowPrivateTargets: false, allowedCidrs: ['127.0.0.0/8'] });
    expect(targetHostRefusal(loopbackAllowed, new URL('http://127.0.0.1/'))).toBeNull();
    expect(targetHostRefusal(loopbackAllowed, new URL('http://localhost/'))).toBeNull();
    expect(targetHostRefusal(loopbackAllowed, new URL('http://[::1]/'))).toMatch(/::1\/128 \(loopback\)/);
    const open = createAddressGuard({ allowPrivateTargets: true, allowedCidrs: [] });
    expect(targetHostRefusal(open, new URL('http://localhost/'))).toBeNull();
    expect(targetHostRefusal(open, new URL('http://10.0.0.1/'))).toBeNull();
  });

  it('words blocked messages', () => {
    expect(blockedAddressMessage('127.0.0.1', 'loopback')).toBe('target address 127.0.0.1 is private (loopback)');
    expect(blockedAddressMessage('::1', 'loopback', 'localhost')).toBe('target address ::1 (resolved from localhost) is private (loopback)');
  });
});
