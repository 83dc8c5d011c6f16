/**
 * DNS resolution that refuses forbidden addresses. It is given to the socket as its `lookup`, so
 * the address that was checked is the address the socket connects to: a name cannot resolve to a
 * public address for the check and to 127.0.0.1 for the connection (DNS rebinding).
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns'
import { isIP, type LookupFunction } from 'node:net'
import { type AddressKind, classifyAddress, isAllowedAddress } from './address-policy.js'
import { NetError } from './net-error.js'

/** A `lookup` for `net.connect`/`http.request` that fails with BLOCKED_ADDRESS when any answer is forbidden. */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options: LookupOptions, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0)
      // One bad answer refuses the name: a round-robin of public and private addresses is a trap.
      const refused = addresses.find((a) => !isAllowedAddress(a.address, allowPrivate))
      if (refused) return callback(blockedError(hostname, refused.address), '', 0)
      const first = addresses[0]
      if (!first)
        return callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }), '', 0)
      if (options.all) return callback(null, addresses)
      return callback(null, first.address, first.family)
    })
  }
}

/**
 * Refuse a URL host that is an IP literal (sockets skip `lookup` for those), or a cloud metadata
 * service's well-known name (refused when typed, not only when it resolves on a cloud machine);
 * other names pass through to the guarded lookup.
 */
export function checkLiteralHost(hostname: string, allowPrivate: boolean): void {
  const host = hostname.replace(/^\[|\]$/g, '')
  if (isIP(host) && !isAllowedAddress(host, allowPrivate)) throw blockedError(host, host)
  if (METADATA_NAMES.has(host.toLowerCase().replace(/\.$/, '')))
    throw new NetError('BLOCKED_ADDRESS', `Refused ${host}: it is ${KIND_TEXT.metadata}.`)
}

/** Names of cloud metadata services (Google Cloud, AWS, and their short forms). */
const METADATA_NAMES = new Set([
  'metadata.google.internal',
  'metadata.goog',
  'metadata',
  'instance-data',
  'instance-data.ec2.internal',
])

const KIND_TEXT: Record<AddressKind, string> = {
  public: 'a public address',
  loopback: 'a loopback address',
  private: 'a private network address',
  'link-local': 'a link-local address',
  cgnat: 'a carrier-grade NAT address',
  unspecified: 'an unspecified address',
  multicast: 'a multicast address',
  metadata: 'a cloud metadata address',
  reserved: 'a reserved address',
}

function blockedError(hostname: string, address: string): NetError {
  const what = KIND_TEXT[classifyAddress(address)]
  const verb = hostname === address ? 'is' : 'resolves to'
  return new NetError('BLOCKED_ADDRESS', `Refused ${hostname}: it ${verb} ${what}.`)
}
