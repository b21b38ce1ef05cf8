import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicAddress, safeFetch, SafeFetchError, type FetchRefusal } from './safe-fetch';

let server: http.Server;
let base: string;
let connections = 0;
const open = new Set<import('node:net').Socket>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const param = (name: string) => url.searchParams.get(name) ?? '';
    switch (url.pathname) {
      case '/article':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<h1>Café ☕ report</h1>');
        return;
      case '/latin1':
        res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' });
        res.end(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
        return;
      case '/redirect':
        res.writeHead(302, { location: param('to') });
        res.end();
        return;
      case '/loop':
        res.writeHead(301, { location: '/loop' });
        res.end();
        return;
      case '/big':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('x'.repeat(64 * 1024));
        return;
      case '/bomb':
        res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
        res.end(zlib.gzipSync(Buffer.alloc(10 * 1024 * 1024)));
        return;
      case '/image':
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end('png');
        return;
      case '/missing':
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('gone');
        return;
      case '/slow':
        return; // never answers
    }
  });
  server.on('connection', (socket) => {
    connections++;
    open.add(socket);
    socket.on('close', () => open.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const loopback = { allowLoopback: true };

async function refusal(promise: Promise<unknown>): Promise<FetchRefusal> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SafeFetchError) return error.reason;
    throw error;
  }
  throw new Error('the fetch was not refused');
}

/** A resolver that answers every name with the given addresses, as a hostile DNS server could. */
const resolvesTo = (...addresses: string[]) => ({
  lookup: async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
});

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254',
    '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::', '::1', 'fe80::1', 'fc00::1', 'fd12:3456::1',
    'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '0:0:0:0:0:ffff:a00:1', '::ffff:169.254.169.254',
    '64:ff9b::10.0.0.1', '::127.0.0.1', 'not-an-ip',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])('allows %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  // IPv6 addresses that carry an IPv4 address a router or the host may connect to instead.
  // Each form with a refused IPv4 address inside is refused; with a public one, only forms
  // that are not refused as a whole are allowed.
  const EMBEDDED: [form: string, address: string, allowed: boolean][] = [
    ['IPv4-mapped', '::ffff:10.0.0.1', false],
    ['IPv4-mapped, full zeros', '0000:0000:0000:0000:0000:ffff:7f00:0001', false],
    ['IPv4-mapped, public', '::ffff:93.184.215.14', true],
    ['SIIT-translated', '::ffff:0:169.254.169.254', false],
    ['SIIT-translated, hex', '::ffff:0:a9fe:a9fe', false],
    ['IPv4-compatible', '::10.0.0.1', false],
    ['IPv4-compatible, public (deprecated range)', '::8.8.8.8', false],
    ['NAT64 well-known prefix', '64:ff9b::127.0.0.1', false],
    ['NAT64 well-known prefix, hex', '64:ff9b::a9fe:a9fe', false],
    ['NAT64 well-known prefix, public', '64:ff9b::8.8.8.8', true],
    ['NAT64 local-use', '64:ff9b:1::10.0.0.1', false],
    ['NAT64 local-use, public inside', '64:ff9b:1:abcd::8.8.8.8', false],
    ['6to4 of loopback', '2002:7f00:1::1', false],
    ['6to4 of metadata', '2002:a9fe:a9fe::', false],
    ['6to4 of a private network', '2002:c0a8:0101:1::5', false],
    ['6to4, uppercase', '2002:0A00:0001::1', false],
    ['6to4, public', '2002:5db8:d70e::1', true],
    ['Teredo, private server', '2001:0:a00:1::1', false],
    ['Teredo, client 127.0.0.1 obfuscated', '2001:0:5db8:d70e::80ff:fffe', false],
    ['Teredo, public server and client', '2001:0:5db8:d70e:0:0:f7f7:f7f7', false],
    ['ISATAP interface identifier', '2606:4700:1:2:0:5efe:10.0.0.1', false],
    ['ISATAP, universal bit', '2606:4700:1:2:200:5efe:a9fe:a9fe', false],
    ['ISATAP, public', '2606:4700:1:2:0:5efe:8.8.8.8', true],
    ['link-local with zone', 'fe80::1%eth0', false],
  ];
  it.each(EMBEDDED)('%s (%s): allowed %s', (_form, address, allowed) => {
    expect(isPublicAddress(address)).toBe(allowed);
  });

  it('allows loopback only when asked, and nothing else private', () => {
    expect(isPublicAddress('127.0.0.1', loopback)).toBe(true);
    expect(isPublicAddress('::1', loopback)).toBe(true);
    expect(isPublicAddress('10.0.0.1', loopback)).toBe(false);
    expect(isPublicAddress('169.254.169.254', loopback)).toBe(false);
  });
});

describe('safeFetch', () => {
  it('resolves the test site’s names to loopback only while loopback is allowed (tests)', async () => {
    const port = new URL(base).port;
    process.env.CLAIMLINE_FETCH_TEST_HOSTS = 'fixture.example.net';
    process.env.CLAIMLINE_FETCH_ALLOW_LOOPBACK = '1';
    try {
      expect((await safeFetch(`http://FIXTURE.example.net:${port}/article`)).text).toBe('<h1>Café ☕ report</h1>');
      delete process.env.CLAIMLINE_FETCH_ALLOW_LOOPBACK;
      // Now the name is looked up in the DNS as any other, where it does not exist.
      expect(await refusal(safeFetch('http://fixture.example.net:1/article'))).toBe('unresolvable');
    } finally {
      delete process.env.CLAIMLINE_FETCH_TEST_HOSTS;
      delete process.env.CLAIMLINE_FETCH_ALLOW_LOOPBACK;
    }
  });

  it('fetches a page over http and decodes its charset', async () => {
    const page = await safeFetch(`${base}/article`, loopback);
    expect(page).toMatchObject({ status: 200, url: `${base}/article`, text: '<h1>Café ☕ report</h1>' });
    expect((await safeFetch(`${base}/latin1`, loopback)).text).toBe('café');
  });

  it('refuses loopback unless the option allows it', async () => {
    expect(await refusal(safeFetch(`${base}/article`, { allowLoopback: false }))).toBe('private_address');
    const port = new URL(base).port;
    for (const host of ['localhost', '[::1]', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '0x7f.1', '2130706433']) {
      expect(await refusal(safeFetch(`http://${host}:${port}/article`, { allowLoopback: false }))).toBe(
        'private_address',
      );
    }
  });

  it('refuses names that resolve to private addresses, even when one of them is public', async () => {
    for (const address of ['10.0.0.7', '169.254.169.254', 'fd00::1', '::ffff:192.168.0.1']) {
      expect(await refusal(safeFetch('http://news.example/story', resolvesTo(address)))).toBe('private_address');
    }
    expect(await refusal(safeFetch('http://news.example/story', resolvesTo('93.184.215.14', '10.0.0.7')))).toBe(
      'private_address',
    );
  });

  it('connects to the address it checked', async () => {
    const port = new URL(base).port;
    const page = await safeFetch(`http://news.example:${port}/article`, { ...loopback, ...resolvesTo('127.0.0.1') });
    expect(page.text).toContain('report');
  });

  it('checks the address again on every request: no connection is kept and reused without the check', async () => {
    // A name that answers loopback first (allowed here, as for the test site) and then a private
    // address, as a DNS server with a short TTL could between two fetches of the same site.
    const answers = ['127.0.0.1', '10.0.0.7', '127.0.0.1'];
    const asked: string[] = [];
    const rebinding = {
      ...loopback,
      lookup: async (hostname: string) => {
        const address = answers[asked.push(hostname) - 1] ?? '10.0.0.7';
        return [{ address, family: 4 }];
      },
    };
    const before = connections;
    const port = new URL(base).port;
    expect((await safeFetch(`http://rebinding.example.net:${port}/article`, rebinding)).text).toContain('report');
    // Node's global agent keeps sockets alive by default; a reused one would skip the lookup and its check.
    expect(await refusal(safeFetch(`http://rebinding.example.net:${port}/article`, rebinding))).toBe('private_address');
    expect(asked).toHaveLength(2);
    // Loopback again: fetched, over a connection of its own, which the server sees closed after the answer.
    expect((await safeFetch(`http://rebinding.example.net:${port}/article`, rebinding)).text).toContain('report');
    expect(asked).toHaveLength(3);
    expect(connections - before).toBe(2);
    await expect.poll(() => open.size).toBe(0);
    // Nor does a fetch that was allowed loopback leave a connection behind for one that is not.
    const local = resolvesTo('127.0.0.1');
    expect((await safeFetch(`http://intranet.example.net:${port}/article`, { ...local, allowLoopback: true })).text).toContain('report');
    expect(await refusal(safeFetch(`http://intranet.example.net:${port}/article`, { ...local, allowLoopback: false }))).toBe('private_address');
  });

  it('checks every redirect hop', async () => {
    const to = (target: string) => `${base}/redirect?to=${encodeURIComponent(target)}`;
    expect((await safeFetch(to('/article'), loopback)).url).toBe(`${base}/article`);
    expect(await refusal(safeFetch(to('http://10.0.0.1/admin'), loopback))).toBe('private_address');
    expect(await refusal(safeFetch(to('http://[fe80::1]/'), loopback))).toBe('private_address');
    expect(await refusal(safeFetch(to('file:///etc/passwd'), loopback))).toBe('bad_url');
    expect(await refusal(safeFetch(`${base}/loop`, loopback))).toBe('too_many_redirects');
  });

  it('accepts only http and https URLs without credentials', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.com/a', 'javascript:alert(1)', 'data:text/html,x', 'nonsense', 'http://user:pw@example.com/']) {
      expect(await refusal(safeFetch(url))).toBe('bad_url');
    }
  });

  it('caps the size after decompression, checks the content type and the status', async () => {
    expect(await refusal(safeFetch(`${base}/big`, { ...loopback, maxBytes: 1024 }))).toBe('too_large');
    expect(await refusal(safeFetch(`${base}/bomb`, { ...loopback, maxBytes: 1024 * 1024 }))).toBe('too_large');
    expect(await refusal(safeFetch(`${base}/image`, loopback))).toBe('bad_type');
    expect(await refusal(safeFetch(`${base}/missing`, loopback))).toBe('http_error');
  });

  it('gives up after the timeout', async () => {
    expect(await refusal(safeFetch(`${base}/slow`, { ...loopback, timeoutMs: 200 }))).toBe('timeout');
  });

  it('says why in a sentence an editor can act on', async () => {
    await expect(safeFetch('http://10.0.0.1/')).rejects.toThrow(/private or local network/);
  });
});
