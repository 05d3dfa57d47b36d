/**
 * Which addresses Manifold may call. An instance URL is typed by a customer, so without a guard
 * it could point Manifold at the cloud metadata service or at the private network it runs in.
 * The check runs where the socket is made (the HTTP path's DNS lookup), on the address actually
 * resolved — so a redirect to a private host and a DNS answer that changes between check and use
 * (rebinding) are refused too, before any socket is opened.
 */
import { isIP } from 'node:net';

export type AddressKind = 'public' | 'loopback' | 'private' | 'link-local' | 'reserved';

function v4(address: string): number[] {
  return address.split('.').map(Number);
}

function classifyV4(address: string): AddressKind {
  const [a = 0, b = 0, c = 0] = v4(address);
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 169 && b === 254) return 'link-local';
  if (a === 100 && b >= 64 && b <= 127) return 'private'; // carrier-grade NAT (RFC 6598)
  if (
    a === 0 ||
    a >= 224 || // multicast and the reserved 240/4, broadcast
    (a === 192 && b === 0 && (c === 0 || c === 2)) ||
    (a === 198 && (b === 18 || b === 19)) ||
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113)
  ) {
    return 'reserved';
  }
  return 'public';
}

function expandV6(address: string): number[] {
  const [head = '', tail] = address.split('::');
  const parse = (s: string) => (s ? s.split(':') : []).flatMap((part) => {
    if (part.includes('.')) {
      const [a = 0, b = 0, c = 0, d = 0] = v4(part);
      return [(a << 8) | b, (c << 8) | d];
    }
    return [parseInt(part, 16)];
  });
  const h = parse(head);
  const t = tail === undefined ? [] : parse(tail);
  return [...h, ...new Array(8 - h.length - t.length).fill(0), ...t];
}

function classifyV6(address: string): AddressKind {
  const w = expandV6(address.toLowerCase().replace(/%.*$/, ''));
  const [w0 = 0, , , , , w5 = 0, w6 = 0, w7 = 0] = w;
  if (w.every((x, i) => (i < 7 ? x === 0 : x === 1))) return 'loopback';
  if (w.every((x) => x === 0)) return 'reserved';
  // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) carry an IPv4 address: judge that one.
  if ((w.slice(0, 5).every((x) => x === 0) && w5 === 0xffff) || (w0 === 0x64 && w[1] === 0xff9b)) {
    return classifyV4(`${w6 >> 8}.${w6 & 255}.${w7 >> 8}.${w7 & 255}`);
  }
  if ((w0 & 0xfe00) === 0xfc00) return 'private'; // unique local fc00::/7
  if ((w0 & 0xffc0) === 0xfe80) return 'link-local';
  if ((w0 & 0xff00) === 0xff00 || w0 === 0x2001 && w[1] === 0xdb8) return 'reserved'; // multicast, documentation
  return 'public';
}

export function classifyAddress(address: string): AddressKind {
  const family = isIP(address);
  if (family === 4) return classifyV4(address);
  if (family === 6) return classifyV6(address);
  throw new Error(`not an IP address: ${address}`);
}

export interface AddressPolicy {
  /** Allow loopback, private and link-local targets (on-premises installs). */
  allowPrivateNetworks: boolean;
  /** host:port pairs always allowed (the sandbox's own loopback servers). */
  allowedOrigins: ReadonlySet<string>;
}

/** Why an address may not be called, or undefined when it may. */
export function refusal(address: string, port: number, policy: AddressPolicy): string | undefined {
  const kind = classifyAddress(address);
  if (kind === 'public') return undefined;
  const hostPort = `${isIP(address) === 6 ? `[${address}]` : address}:${port}`;
  if (policy.allowedOrigins.has(hostPort)) return undefined;
  if (policy.allowPrivateNetworks && kind !== 'reserved') return undefined;
  return `${address} is a ${kind} address`;
}
