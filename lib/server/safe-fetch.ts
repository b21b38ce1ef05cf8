import 'server-only';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { URL_MESSAGE } from '@/lib/form-fields';

/**
 * Fetching a URL an editor typed (article import) on the server. The server can
 * reach addresses the editor cannot (loopback, the private network, cloud
 * metadata at 169.254.169.254), so every hop is checked: the scheme, every
 * address the name resolves to, and the address actually connected to (the
 * check runs inside the socket's DNS lookup, so a name cannot resolve to a
 * public address for the check and a private one for the connection). No connection is
 * reused: each request opens its own, so each one is checked.
 */

export type SafeFetchOptions = {
  /** Allow 127.0.0.0/8 and ::1 (tests only); defaults to CLAIMLINE_FETCH_ALLOW_LOOPBACK=1. */
  allowLoopback?: boolean;
  /** Whole request, redirects included. */
  timeoutMs?: number;
  /** Largest body accepted, after decompression. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Media types accepted (without parameters). */
  accept?: readonly string[];
  /** Resolver, replaceable in tests to simulate names that resolve to private addresses. */
  lookup?: (hostname: string) => Promise<{ address: string; family: number }[]>;
  /** Sent with every hop (e.g. If-None-Match for a conditional request). */
  headers?: Readonly<Record<string, string>>;
  userAgent?: string;
};

export type SafeFetchResult = { url: string; status: number; contentType: string; text: string };

/**
 * The final answer after redirects, whatever its status: `body` is read (within the cap, after
 * the media-type check) only for a 2xx answer and is empty otherwise.
 */
export type SafeFetchResponse = {
  url: string;
  status: number;
  contentType: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** Redirects followed to reach `url`. */
  redirects: number;
};

export const FETCH_REFUSALS = {
  bad_url: URL_MESSAGE,
  private_address: 'That address points to a private or local network, which Claimline does not fetch from.',
  unresolvable: 'That address could not be found.',
  too_many_redirects: 'That address redirects too many times.',
  timeout: 'The site took too long to answer.',
  too_large: 'That page is too large to import.',
  bad_type: 'That address is not a web page Claimline can import.',
  http_error: 'The site answered with an error.',
  network: 'The site could not be reached.',
} as const;
export type FetchRefusal = keyof typeof FETCH_REFUSALS;

export class SafeFetchError extends Error {
  constructor(
    readonly reason: FetchRefusal,
    detail?: string,
  ) {
    super(FETCH_REFUSALS[reason]);
    this.name = 'SafeFetchError';
    if (detail) this.cause = detail;
  }
}

const DEFAULTS = {
  headers: {} as Readonly<Record<string, string>>,
  userAgent: 'Claimline article import',
  timeoutMs: 10_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  accept: ['text/html', 'application/xhtml+xml', 'text/plain'],
};

// Everything that is not the public internet: RFC 6890 special-purpose ranges.
const BLOCKED = new net.BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16],
  ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) BLOCKED.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 96], // unspecified, loopback and the deprecated IPv4-compatible range
  // Local-use NAT64 (RFC 8215): a translator of the local network maps these to IPv4
  // addresses of its own choosing, so no embedded address can be trusted.
  ['64:ff9b:1::', 48],
  ['100::', 64], ['2001::', 23], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) BLOCKED.addSubnet(network, prefix, 'ipv6');
const LOOPBACK = new net.BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** The 16 bytes of an IPv6 address (a zone index dropped), or null when it is not one. */
function ipv6Bytes(address: string): number[] | null {
  let text = address.split('%')[0]!.toLowerCase();
  if (!net.isIPv6(text)) return null;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const zeros = tail === undefined ? [] : Array<string>(8 - groups(head).length - groups(tail).length).fill('0');
  const all = [...groups(head), ...zeros, ...groups(tail)];
  if (all.length !== 8) return null;
  return all.flatMap((group) => {
    const n = parseInt(group, 16);
    return [n >> 8, n & 255];
  });
}

const v4 = (bytes: number[], xor = 0) => bytes.map((b) => b ^ xor).join('.');
const startsWith = (bytes: number[], prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * The IPv4 addresses an IPv6 address carries, for every form a router or the host itself
 * may turn into an IPv4 connection: IPv4-mapped (::ffff:a.b.c.d) and the SIIT-translated
 * form (::ffff:0:a.b.c.d), NAT64 with the well-known prefix (64:ff9b::a.b.c.d), 6to4
 * (2002:aabb:ccdd::), Teredo (server and obfuscated client, 2001:0::) and ISATAP interface
 * identifiers (…:0:5efe:a.b.c.d). Each must be a public address for the IPv6 one to be.
 */
function embeddedIpv4(bytes: number[]): string[] {
  const last = bytes.slice(12);
  const found: string[] = [];
  const zero = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  if (zero(0, 10) && startsWith(bytes.slice(10), [255, 255])) found.push(v4(last));
  if (zero(0, 8) && startsWith(bytes.slice(8), [255, 255, 0, 0])) found.push(v4(last));
  if (startsWith(bytes, [0, 0x64, 0xff, 0x9b]) && zero(4, 12)) found.push(v4(last));
  if (startsWith(bytes, [0x20, 0x02])) found.push(v4(bytes.slice(2, 6)));
  if (startsWith(bytes, [0x20, 0x01, 0, 0])) found.push(v4(bytes.slice(4, 8)), v4(last, 255));
  if (startsWith(bytes.slice(8), [0, 0, 0x5e, 0xfe]) || startsWith(bytes.slice(8), [2, 0, 0x5e, 0xfe])) found.push(v4(last));
  return found;
}

/** Whether Claimline may connect to this IP address. */
export function isPublicAddress(address: string, { allowLoopback = false } = {}): boolean {
  const family = net.isIP(address);
  if (family === 0) return false;
  const publicV4 = (ip: string) => (allowLoopback && LOOPBACK.check(ip, 'ipv4')) || !BLOCKED.check(ip, 'ipv4');
  if (family === 4) return publicV4(address);
  const bytes = ipv6Bytes(address);
  if (!bytes) return false;
  const plain = address.split('%')[0]!;
  if (allowLoopback && LOOPBACK.check(plain, 'ipv6')) return true;
  const embedded = embeddedIpv4(bytes);
  // An IPv4-mapped address is that IPv4 address, whatever the IPv6 ranges say.
  const mapped = startsWith(bytes, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255]);
  if (!mapped && BLOCKED.check(plain, 'ipv6')) return false;
  return embedded.every(publicV4);
}

/**
 * Tests only, and only with loopback allowed: names (CLAIMLINE_FETCH_TEST_HOSTS, comma-separated) that
 * stand for the test's own web site on 127.0.0.1, since the editors' forms take domain names, not IPs.
 */
const testHosts = () =>
  process.env.CLAIMLINE_FETCH_ALLOW_LOOPBACK === '1' ? (process.env.CLAIMLINE_FETCH_TEST_HOSTS ?? '').toLowerCase().split(',').filter(Boolean) : [];

const systemLookup = (hostname: string) =>
  testHosts().includes(hostname.toLowerCase())
    ? Promise.resolve([{ address: '127.0.0.1', family: 4 }])
    : dns.promises.lookup(hostname, { all: true, verbatim: true });

/** Fetches an http(s) URL for import, refusing private addresses on every hop. Throws SafeFetchError. */
export async function safeFetch(input: string, options: SafeFetchOptions = {}): Promise<SafeFetchResult> {
  const response = await safeFetchResponse(input, options);
  if (response.status < 200 || response.status >= 300) throw new SafeFetchError('http_error', `HTTP ${response.status}`);
  return { url: response.url, status: response.status, contentType: response.contentType, text: decode(response.body, response.contentType) };
}

/**
 * Like safeFetch, but answers with the final response of any status (a 304 to a conditional
 * request, a 404 of a page that is gone) instead of refusing it; refusals (private addresses,
 * size, type of a 2xx body, redirects, time) are thrown as SafeFetchError as there.
 */
export async function safeFetchResponse(input: string, options: SafeFetchOptions = {}): Promise<SafeFetchResponse> {
  const settings = {
    ...DEFAULTS,
    allowLoopback: process.env.CLAIMLINE_FETCH_ALLOW_LOOPBACK === '1',
    lookup: systemLookup,
    ...options,
  };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), settings.timeoutMs);
  try {
    let url = parseUrl(input);
    for (let hop = 0; ; hop++) {
      const response = await request(url, settings, controller.signal);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && status !== 304 && location) {
        response.destroy();
        if (hop >= settings.maxRedirects) throw new SafeFetchError('too_many_redirects');
        url = parseUrl(new URL(location, url).href);
        continue;
      }
      const contentType = response.headers['content-type'] ?? '';
      const answer = { url: url.href, status, contentType, headers: response.headers, redirects: hop };
      if (status < 200 || status >= 300) {
        response.destroy();
        return { ...answer, body: Buffer.alloc(0) };
      }
      const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
      if (!settings.accept.includes(mediaType)) {
        response.destroy();
        throw new SafeFetchError('bad_type', contentType);
      }
      return { ...answer, body: await readCapped(decoded(response), settings.maxBytes) };
    }
  } catch (error) {
    if (error instanceof SafeFetchError) throw error;
    if (controller.signal.aborted) throw new SafeFetchError('timeout');
    throw new SafeFetchError('network', error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}

function parseUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new SafeFetchError('bad_url');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    throw new SafeFetchError('bad_url');
  }
  return url;
}

type Settings = Required<Omit<SafeFetchOptions, 'accept'>> & { accept: readonly string[] };

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

function request(url: URL, settings: Settings, signal: AbortSignal): Promise<http.IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const check = (address: string) => {
    if (!isPublicAddress(address, settings)) throw new SafeFetchError('private_address', address);
  };
  // An IP literal never goes through the lookup below.
  if (net.isIP(host)) check(host);
  const lookup = ((hostname: string, options: dns.LookupOptions, callback: LookupCallback) => {
    settings
      .lookup(hostname)
      .then((addresses) => {
        if (addresses.length === 0) throw new SafeFetchError('unresolvable');
        // Refuse the name if any of its addresses is private: the client might pick any of them.
        addresses.forEach((a) => check(a.address));
        // Node asks for every address when it races IPv4 against IPv6 (autoSelectFamily).
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      })
      .catch((error: unknown) => {
        const refusal =
          error instanceof SafeFetchError ? error : new SafeFetchError('unresolvable', String(error));
        callback(refusal as NodeJS.ErrnoException, '', 0);
      });
  }) as net.LookupFunction;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(url, {
      // A connection of its own, closed after the answer: an agent's kept-alive socket to the same
      // host would be reused without the lookup above, so without checking the address again.
      agent: false,
      lookup,
      signal,
      headers: {
        ...settings.headers,
        'user-agent': settings.userAgent,
        accept: settings.accept.join(', '),
        'accept-encoding': 'gzip, deflate, br',
      },
    });
    req.on('response', resolve);
    req.on('error', reject);
  });
}

function decoded(response: http.IncomingMessage): Readable {
  switch (response.headers['content-encoding']) {
    case 'gzip':
      return response.pipe(zlib.createGunzip());
    case 'deflate':
      return response.pipe(zlib.createInflate());
    case 'br':
      return response.pipe(zlib.createBrotliDecompress());
    default:
      return response;
  }
}

async function readCapped(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    // Counted after decompression, so a small compressed bomb is cut off too.
    if (size > maxBytes) {
      stream.destroy();
      throw new SafeFetchError('too_large');
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** A body as text, in the charset its Content-Type names (UTF-8 when none or an unknown one). */
export function decode(body: Buffer, contentType: string): string {
  const charset = /charset="?([\w-]+)/i.exec(contentType)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}
