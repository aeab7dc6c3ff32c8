import ipaddr from 'ipaddr.js';

/**
 * Whether an IP address is anything but a public unicast address: loopback,
 * private, link-local, unique-local, carrier-grade NAT, unspecified (0.0.0.0/8,
 * ::), broadcast, multicast, reserved or documentation ranges. A fetched URL
 * must not reach these unless the user allows it.
 *
 * The ranges are ipaddr.js's (a maintained table of the IANA special-purpose
 * registries), not our own patterns: issue 19 found `[::ffff:127.0.0.1]` let
 * through, because the URL parser rewrites it to `::ffff:7f00:1`. IPv6 forms
 * that carry an IPv4 address (IPv4-mapped `::ffff:0:0/96`, IPv4-compatible
 * `::/96`, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`) are judged by the IPv4
 * address inside them; Teredo (`2001::/32`), whose inner address is obscured,
 * is refused.
 */
export function isPrivateAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true; // not an address at all: refuse rather than guess
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return (parsed as ipaddr.IPv4).range() !== 'unicast';
  const v6 = parsed as ipaddr.IPv6;
  const embedded = embeddedIPv4(v6);
  if (embedded) return embedded.range() !== 'unicast';
  return v6.range() !== 'unicast';
}

/** The IPv4 address an IPv6 address carries, for the forms that route to it. */
function embeddedIPv4(v6: ipaddr.IPv6): ipaddr.IPv4 | null {
  const p = v6.parts;
  const fromWords = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  const range = v6.range();
  if (range === 'ipv4Mapped') return v6.toIPv4Address();
  if (range === 'rfc6052') return fromWords(p[6]!, p[7]!); // NAT64 well-known prefix 64:ff9b::/96
  if (range === '6to4') return fromWords(p[1]!, p[2]!); // 2002:AABB:CCDD::/48
  // IPv4-compatible ::a.b.c.d (deprecated, RFC 4291 §2.5.5.1); :: and ::1 are judged as IPv6 below.
  if (p.slice(0, 6).every((w) => w === 0) && (p[6]! !== 0 || p[7]! > 1)) return fromWords(p[6]!, p[7]!);
  return null;
}
