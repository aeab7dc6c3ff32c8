import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isPrivateAddress } from './private-address.js';
import { fetchUrl } from './fetch-url.js';

/** Every special range a fetched URL must not reach, in the forms the URL parser leaves them in (issue 19). */
const REFUSED: ReadonlyArray<readonly [string, string]> = [
  ['127.0.0.1', 'IPv4 loopback'], ['127.255.255.254', 'IPv4 loopback, end of 127/8'],
  ['10.0.0.1', 'RFC 1918'], ['172.16.0.1', 'RFC 1918'], ['172.31.255.255', 'RFC 1918'], ['192.168.1.1', 'RFC 1918'],
  ['169.254.169.254', 'link-local (cloud metadata)'], ['100.64.0.1', 'CGNAT'], ['100.127.255.255', 'CGNAT'],
  ['0.0.0.0', 'unspecified'], ['0.1.2.3', '0.0.0.0/8'], ['224.0.0.1', 'multicast'], ['239.255.255.250', 'multicast'],
  ['255.255.255.255', 'broadcast'], ['240.0.0.1', 'reserved'], ['192.0.2.1', 'documentation'], ['198.18.0.1', 'benchmarking'],
  ['::1', 'IPv6 loopback'], ['::', 'IPv6 unspecified'], ['fe80::1', 'IPv6 link-local'], ['febf::1', 'IPv6 link-local, end'],
  ['fc00::1', 'unique-local'], ['fd12:3456::1', 'unique-local'], ['ff02::1', 'IPv6 multicast'], ['2001:db8::1', 'documentation'],
  ['::ffff:7f00:1', 'IPv4-mapped loopback as the URL parser writes it'], ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
  ['::ffff:a9fe:a9fe', 'IPv4-mapped cloud metadata'], ['::ffff:10.0.0.1', 'IPv4-mapped private'], ['::ffff:0:0', 'IPv4-mapped 0.0.0.0'],
  ['::7f00:1', 'IPv4-compatible loopback'], ['::a00:1', 'IPv4-compatible private'],
  ['64:ff9b::7f00:1', 'NAT64 of loopback'], ['64:ff9b::a9fe:a9fe', 'NAT64 of cloud metadata'],
  ['2002:7f00:1::', '6to4 of loopback'], ['2002:a00:1::1', '6to4 of private'], ['2001::1', 'Teredo'],
  ['not-an-address', 'not an address'], ['', 'empty'],
];
const ALLOWED: readonly string[] = ['8.8.8.8', '93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '2a00:1450:4001::200e', '::ffff:808:808', '64:ff9b::808:808', '2002:808:808::1'];

test('isPrivateAddress: every special range refused, in every IPv6 form that carries an IPv4 address', () => {
  for (const [address, what] of REFUSED) assert.equal(isPrivateAddress(address), true, `${address} (${what}) is refused`);
  for (const address of ALLOWED) assert.equal(isPrivateAddress(address), false, `${address} is a public address`);
});

test('fetchUrl: an IPv4-mapped IPv6 literal and a redirect to one are refused', async () => {
  const server = createServer((req, res) => {
    if (req.url === '/hop') {
      res.writeHead(302, { location: `http://[::ffff:127.0.0.1]:${(server.address() as AddressInfo).port}/secret` });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('internal');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    for (const host of ['[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '[::ffff:169.254.169.254]', '[::ffff:10.0.0.1]', '[64:ff9b::7f00:1]']) {
      const out = await fetchUrl(`http://${host}:${port}/`);
      assert.ok(!out.ok && /loopback or private address/.test(out.message), `${host}: ${JSON.stringify(out)}`);
    }
    // The first hop's name resolves (for the check) to a public address; its redirect names a mapped loopback.
    const out = await fetchUrl(`http://localhost:${port}/hop`, { resolve: async () => ['93.184.216.34'] });
    assert.ok(!out.ok && /redirects to .*loopback or private address/.test(out.message), JSON.stringify(out));
  } finally {
    server.close();
  }
});
