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

/** A server on a loopback address answering `body` (a redirect to `location` on /hop); its requests' Host headers are kept. */
async function serve(body: string, address = '127.0.0.1', port = 0, location?: (port: number) => string) {
  const hosts: string[] = [];
  const server = createServer((req, res) => {
    hosts.push(req.headers.host ?? '');
    if (req.url === '/hop' && location) {
      res.writeHead(302, { location: location((server.address() as AddressInfo).port) });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(body);
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, address, resolve));
  return { port: (server.address() as AddressInfo).port, hosts, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const text = (out: Awaited<ReturnType<typeof fetchUrl>>) => (out.ok ? Buffer.from(out.bytes).toString('utf8') : `(failed: ${out.message})`);

test('fetchUrl: an IPv4-mapped IPv6 literal and a redirect to one are refused', async () => {
  const internal = await serve('internal', '127.0.0.1', 0, (port) => `http://[::ffff:127.0.0.1]:${port}/secret`);
  try {
    for (const host of ['[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '[::ffff:169.254.169.254]', '[::ffff:10.0.0.1]', '[64:ff9b::7f00:1]']) {
      const out = await fetchUrl(`http://${host}:${internal.port}/`);
      assert.ok(!out.ok && /loopback or private address/.test(out.message), `${host}: ${JSON.stringify(out)}`);
    }
    // The first hop stands for a public server (this test lets 127.0.0.1 alone through); its redirect names a mapped loopback.
    const out = await fetchUrl(`http://news.test:${internal.port}/hop`, { resolve: async () => ['127.0.0.1'], refuse: (a) => a !== '127.0.0.1' && isPrivateAddress(a) });
    assert.ok(!out.ok && /redirects to .*loopback or private address \(::ffff:7f00:1\)/.test(out.message), JSON.stringify(out));
    assert.equal(internal.hosts.length, 1, 'the redirect target was never asked');
  } finally {
    await internal.close();
  }
});

test('fetchUrl: the connection goes to the address that was checked, not to a second answer of a resolver (DNS rebinding)', async () => {
  // 'localhost' is the name the system resolver answers with an internal address (127.0.0.1); the
  // resolver given to fetchUrl answers 127.0.0.2, which this test takes for a public address.
  const internal = await serve('internal');
  const outside = await serve('public', '127.0.0.2', internal.port);
  const refuse = (a: string) => a !== '127.0.0.2' && isPrivateAddress(a);
  try {
    const asked: string[] = [];
    const resolve = async (host: string) => { asked.push(host); return ['127.0.0.2']; };
    const out = await fetchUrl(`http://localhost:${internal.port}/`, { resolve, refuse });
    assert.equal(text(out), 'public', 'the fetch reached the checked address');
    assert.deepEqual(asked, ['localhost'], 'the name was resolved once');
    assert.equal(internal.hosts.length, 0, 'the internal server was never reached');
    assert.deepEqual(outside.hosts, [`localhost:${internal.port}`], 'the request still names its host');
    // Every hop the same way: a redirect to a name is resolved once and connected to as checked.
    const hopping = await serve('hop', '127.0.0.2', 0, (port) => `http://localhost:${port}/`);
    try {
      const hop = await fetchUrl(`http://localhost:${hopping.port}/hop`, { resolve, refuse });
      assert.equal(text(hop), 'hop');
      assert.equal(hopping.hosts.length, 2);
    } finally {
      await hopping.close();
    }
    // A name resolved to nothing checked is not connected to at all.
    const none = await fetchUrl(`http://localhost:${internal.port}/`, { resolve: async () => ['127.0.0.1'], refuse });
    assert.ok(!none.ok && /loopback or private address \(127\.0\.0\.1\)/.test(none.message), JSON.stringify(none));
    assert.equal(internal.hosts.length, 0);
  } finally {
    await internal.close();
    await outside.close();
  }
});

test('fetchUrl with allowPrivate connects to what its resolver answered', async () => {
  const local = await serve('local');
  try {
    const out = await fetchUrl(`http://feeds.counterclaim.test:${local.port}/`, { allowPrivate: true, resolve: async () => ['127.0.0.1'] });
    assert.equal(text(out), 'local');
    assert.deepEqual(local.hosts, [`feeds.counterclaim.test:${local.port}`]);
  } finally {
    await local.close();
  }
});
