import { describe, expect, it } from 'vitest';
import { addressProblem, isPublicAddress } from '../../src/links/addresses.ts';

describe('addressProblem', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.20', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.254', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['0:0:0:0:0:ffff:c0a8:0101', 'private'],
    ['64:ff9b::192.168.0.1', 'private'],
  ])('refuses %s as %s', (address, what) => {
    expect(addressProblem(address)).toContain(what);
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '172.15.255.255', '100.128.0.1', '192.169.0.1', '2606:4700::1'])(
    'allows the public address %s',
    (address) => {
      expect(addressProblem(address)).toBeNull();
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it('allows a public IPv4 address written as IPv4-mapped IPv6', () => {
    expect(addressProblem('::ffff:93.184.216.34')).toBeNull();
  });

  it('refuses what is not an IP address at all', () => {
    expect(addressProblem('example.com')).toBe('not an IP address');
  });
});
