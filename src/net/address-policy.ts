/**
 * Which IP addresses an outbound request may connect to. Every address a name resolves to is
 * classified here, and the connection is only ever made to an address that passed.
 */
import { isIP } from 'node:net'

export type AddressKind =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'unspecified'
  | 'multicast'
  | 'metadata'
  | 'reserved'

interface Range {
  bytes: number[]
  bits: number
  kind: AddressKind
}

// The first matching range wins, so the cloud metadata endpoints come before the wider
// link-local, CGNAT and ULA ranges that contain them.
const IPV4_RANGES: readonly Range[] = [
  v4('169.254.169.254/32', 'metadata'), // AWS, GCP, Azure, OpenStack, Oracle
  v4('169.254.170.2/32', 'metadata'), // AWS ECS task metadata
  v4('100.100.100.200/32', 'metadata'), // Alibaba Cloud
  v4('192.0.0.192/32', 'metadata'), // Oracle Cloud (legacy)
  v4('0.0.0.0/8', 'unspecified'),
  v4('10.0.0.0/8', 'private'),
  v4('100.64.0.0/10', 'cgnat'),
  v4('127.0.0.0/8', 'loopback'),
  v4('169.254.0.0/16', 'link-local'),
  v4('172.16.0.0/12', 'private'),
  v4('192.0.0.0/24', 'reserved'),
  v4('192.0.2.0/24', 'reserved'),
  v4('192.88.99.0/24', 'reserved'),
  v4('192.168.0.0/16', 'private'),
  v4('198.18.0.0/15', 'reserved'),
  v4('198.51.100.0/24', 'reserved'),
  v4('203.0.113.0/24', 'reserved'),
  v4('224.0.0.0/4', 'multicast'),
  v4('240.0.0.0/4', 'reserved'), // includes 255.255.255.255
]

const IPV6_RANGES: readonly Range[] = [
  v6('fd00:ec2::254/128', 'metadata'), // AWS IPv6 instance metadata
  v6('::/128', 'unspecified'),
  v6('::1/128', 'loopback'),
  v6('64:ff9b:1::/48', 'private'), // local-use NAT64
  v6('100::/64', 'reserved'), // discard
  v6('2001:db8::/32', 'reserved'), // documentation
  v6('2001::/32', 'reserved'), // Teredo: hides an IPv4 address we cannot check
  v6('fc00::/7', 'private'), // unique local
  v6('fe80::/10', 'link-local'),
  v6('fec0::/10', 'private'), // deprecated site-local
  v6('ff00::/8', 'multicast'),
]

/** What kind of address `ip` is (an IPv4 or IPv6 literal); anything unparseable is 'reserved'. */
export function classifyAddress(ip: string): AddressKind {
  const family = isIP(ip)
  if (family === 4) return classifyBytes(ipv4Bytes(ip), IPV4_RANGES)
  if (family !== 6) return 'reserved'
  const bytes = ipv6Bytes(ip)
  if (!bytes) return 'reserved'
  const embedded = embeddedIpv4(bytes)
  if (embedded) return classifyBytes(embedded, IPV4_RANGES)
  const kind = classifyBytes(bytes, IPV6_RANGES)
  // Only 2000::/3 is allocated as global unicast; everything else is not a place to fetch from.
  if (kind === 'public' && (bytes[0]! & 0xe0) !== 0x20) return 'reserved'
  return kind
}

/** The kinds `allowPrivate` opens up: local networks, never metadata, multicast or reserved space. */
const PRIVATE_KINDS: ReadonlySet<AddressKind> = new Set([
  'loopback',
  'private',
  'link-local',
  'cgnat',
])

/** Whether a connection to `ip` is allowed. Cloud metadata endpoints are never allowed. */
export function isAllowedAddress(ip: string, allowPrivate: boolean): boolean {
  const kind = classifyAddress(ip)
  return kind === 'public' || (allowPrivate && PRIVATE_KINDS.has(kind))
}

/**
 * The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-translated, NAT64 (64:ff9b::/96),
 * IPv4-compatible (::a.b.c.d) or 6to4 (2002::/16) address, which reaches that IPv4 host.
 */
function embeddedIpv4(bytes: number[]): number[] | undefined {
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0)
  const tail = bytes.slice(12, 16)
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return tail
  if (zeros(0, 8) && bytes[8] === 0xff && bytes[9] === 0xff && zeros(10, 12)) return tail
  if (bytes[0] === 0 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12))
    return tail
  // ::a.b.c.d (deprecated); :: and ::1 themselves are left to the IPv6 table.
  if (zeros(0, 12) && !zeros(12, 15)) return tail
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return bytes.slice(2, 6)
  return undefined
}

function classifyBytes(bytes: number[], ranges: readonly Range[]): AddressKind {
  for (const range of ranges) if (inRange(bytes, range)) return range.kind
  return 'public'
}

function inRange(bytes: number[], range: Range): boolean {
  let bits = range.bits
  for (let i = 0; bits > 0; i += 1, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff
    if ((bytes[i]! & mask) !== (range.bytes[i]! & mask)) return false
  }
  return true
}

function ipv4Bytes(ip: string): number[] {
  return ip.split('.').map(Number)
}

/** The 16 bytes of an IPv6 literal (with `::` and an optional dotted IPv4 tail); no zone id. */
function ipv6Bytes(ip: string): number[] | undefined {
  let text = ip.replace(/%.*$/, '').toLowerCase()
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (dotted) {
    const [a, b, c, d] = ipv4Bytes(dotted[1]!)
    text = `${text.slice(0, dotted.index)}${hex(a!, b!)}:${hex(c!, d!)}`
  }
  const [head = '', tail] = text.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
  if (groups.length !== 8) return undefined
  return groups.flatMap((group) => {
    const value = parseInt(group, 16)
    return [value >> 8, value & 0xff]
  })
}

function hex(high: number, low: number): string {
  return ((high << 8) | low).toString(16)
}

function v4(cidr: string, kind: AddressKind): Range {
  const [ip = '', bits = '32'] = cidr.split('/')
  return { bytes: ipv4Bytes(ip), bits: Number(bits), kind }
}

function v6(cidr: string, kind: AddressKind): Range {
  const [ip = '', bits = '128'] = cidr.split('/')
  return { bytes: ipv6Bytes(ip) ?? [], bits: Number(bits), kind }
}
