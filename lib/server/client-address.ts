import 'server-only';
import { env } from './env';

/** The socket's remote address, set on every request by scripts/peer-address.mjs; a client cannot choose it. */
export const PEER_HEADER = 'x-claimline-peer';

/**
 * The address a request came from, for limits per address. By default the socket's peer:
 * X-Forwarded-For is ignored, since any client can send one. With TRUST_PROXY=n, n proxies
 * in front of the app each append the address they saw to X-Forwarded-For, so the client is
 * the n-th entry from the right (entries further left are whatever the client claimed).
 */
export function clientAddress(headers: Headers, trustedProxies: number = env.TRUST_PROXY): string | null {
  if (trustedProxies > 0) {
    const chain = (headers.get('x-forwarded-for') ?? '').split(',').map((a) => a.trim());
    const address = chain.length >= trustedProxies ? chain[chain.length - trustedProxies] : undefined;
    if (address) return address;
  }
  // Without the header the server was started without scripts/peer-address.mjs. No address
  // then: one bucket shared by every client would let one of them lock all others out, so only
  // the per-account limit applies.
  return headers.get(PEER_HEADER) || null;
}
