import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
// The preload the scripts give the Next server: loaded here into this test's own HTTP server.
import { FORWARDED_HEADER, PEER_HEADER as PRELOAD_HEADER } from '@/scripts/peer-address.mjs';
import { clientAddress, PEER_HEADER } from './client-address';

// The secret scripts/server.mjs gives its processes, set before the preload reads it.
const { SECRET } = vi.hoisted(() => {
  process.env.CLAIMLINE_FORWARD_SECRET = '5f0c'.repeat(12);
  return { SECRET: '5f0c'.repeat(12) };
});

// A server that answers with the address clientAddress derives for each request, as the
// sign-in action does, for a given number of trusted proxies.
let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as [string, string]] : [])));
    res.end(clientAddress(headers, Number(new URL(req.url!, 'http://x').searchParams.get('trust'))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const addressFor = async (trust: number, headers: Record<string, string> = {}) => (await fetch(`${base}/?trust=${trust}`, { headers })).text();

describe('the address failed sign-ins are counted against', () => {
  it('the preload and the app agree on the header', () => {
    expect(PRELOAD_HEADER).toBe(PEER_HEADER);
  });

  it('by default is the connection’s own address, whatever the client claims', async () => {
    expect(await addressFor(0)).toBe('127.0.0.1');
    // A client rotating X-Forwarded-For, X-Real-IP or the peer header itself stays one address.
    for (const claimed of ['203.0.113.7', '198.51.100.1, 203.0.113.9']) {
      expect(await addressFor(0, { 'x-forwarded-for': claimed, 'x-real-ip': claimed, [PEER_HEADER]: claimed })).toBe('127.0.0.1');
    }
  });

  it('with TRUST_PROXY=1 is the address the proxy appended, not what the client put before it', async () => {
    expect(await addressFor(1, { 'x-forwarded-for': '198.51.100.23' })).toBe('198.51.100.23');
    expect(await addressFor(1, { 'x-forwarded-for': '203.0.113.7, 198.51.100.23' })).toBe('198.51.100.23');
  });

  it('with TRUST_PROXY=2 is the address the outer proxy saw', async () => {
    expect(await addressFor(2, { 'x-forwarded-for': '203.0.113.7, 198.51.100.23, 10.0.0.2' })).toBe('198.51.100.23');
  });

  it('with fewer forwarded addresses than trusted proxies falls back to the connection', async () => {
    expect(await addressFor(2, { 'x-forwarded-for': '203.0.113.7' })).toBe('127.0.0.1');
    expect(await addressFor(1)).toBe('127.0.0.1');
  });

  it('is unknown (no per-address limit) when the server was started without the preload', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '203.0.113.7' }), 0)).toBeNull();
  });

  it('is the address a reader process stamped when it hands the request to the editor process with the server’s secret, and only then', async () => {
    expect(await addressFor(0, { [PEER_HEADER]: '203.0.113.7', [FORWARDED_HEADER]: SECRET })).toBe('203.0.113.7');
    for (const forged of [`${SECRET.slice(0, -1)}e`, SECRET.slice(1), '', 'yes']) {
      expect(await addressFor(0, { [PEER_HEADER]: '203.0.113.7', [FORWARDED_HEADER]: forged })).toBe('127.0.0.1');
    }
  });
});
