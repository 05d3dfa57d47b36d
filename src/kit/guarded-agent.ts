/**
 * The socket factory of the one outbound HTTP path: resolves the host itself, refuses addresses
 * the policy forbids, and connects to the address it checked (pinned), so nothing can slip
 * between the check and the connection. Runs for every connection undici opens — the first
 * request, every redirect, every reconnect.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { refusal, type AddressPolicy } from './address-policy.js';

export type Resolve = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const systemResolve: Resolve = (hostname) => lookup(hostname, { all: true, verbatim: true });

/** Thrown (before any socket) when an instance URL leads to a forbidden address. */
export class AddressRefused extends Error {
  constructor(readonly host: string, readonly reason: string) {
    super(`${host} is not an allowed address: ${reason}`);
    this.name = 'AddressRefused';
  }
}

/** Resolves and checks a host; answers the address to connect to. */
export async function pickAddress(host: string, port: number, policy: AddressPolicy, resolve: Resolve): Promise<{ address: string; family: number }> {
  const bare = host.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  const candidates = family ? [{ address: bare, family }] : await resolve(bare);
  if (candidates.length === 0) throw new AddressRefused(bare, 'it does not resolve');
  // Any forbidden answer refuses the host: a name that mixes public and private addresses is
  // either misconfigured or an attempt to get through.
  for (const c of candidates) {
    const why = refusal(c.address, port, policy);
    if (why) throw new AddressRefused(bare, why);
  }
  return candidates[0]!;
}

export function guardedAgent(policy: AddressPolicy, opts: { resolve?: Resolve; connect?: buildConnector.connector } = {}): Agent {
  const resolve = opts.resolve ?? systemResolve;
  const connect = opts.connect ?? buildConnector({});
  return new Agent({
    connect(options, callback) {
      const port = Number(options.port) || (options.protocol === 'https:' ? 443 : 80);
      pickAddress(options.hostname, port, policy, resolve).then(
        (picked) => {
          const bare = options.hostname.replace(/^\[|\]$/g, '');
          // Connect to the checked address; TLS still verifies the certificate for the name.
          connect({ ...options, hostname: picked.address, servername: isIP(bare) ? undefined : bare }, callback);
        },
        (err: Error) => callback(err, null),
      );
    },
  });
}
