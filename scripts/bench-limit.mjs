// The bench's measure of what this machine can do (scripts/bench.mjs, scripts/bench-layouts.mjs):
// a plain node:http server, in a process of its own, serving pages the app served, with nothing
// else in the way. `node scripts/bench-limit.mjs <pages.json> <port>`; pages.json maps a path to
// either
// - the page's HTML (as the app sent it, decoded): compressed here once at start (brotli 11,
//   gzip 9), as an ideal server would store it, and sent with four headers (the limit as first
//   measured), or
// - the app's own answer, { headers: [[name, value], …], bodies: { br, gzip, identity } } with
//   each body in base64 (captureAnswer in bench-lib.mjs): the very bytes and headers a page-cache
//   hit sends, its Content-Security-Policy and purge key included (#12 goal d: "the same bytes").
// Every request gets the best encoding it accepts. Prints "ready" once listening.
import fs from 'node:fs';
import http from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const [file, port] = process.argv.slice(2);
if (!file || !port) throw new Error('usage: bench-limit.mjs <pages.json> <port>');

const FOUR = (encoding, length) => ({
  'content-type': 'text/html; charset=utf-8',
  'content-length': length,
  vary: 'Accept-Encoding',
  ...(encoding ? { 'content-encoding': encoding } : {}),
});

/** The app's headers for one encoding of the body, as a flat list for writeHead (made once, like the app's hot path). */
function sameHeaders(headers, encoding, length) {
  const kept = headers.filter(([name]) => !['content-encoding', 'content-length'].includes(name));
  return [...kept, ...(encoding ? [['content-encoding', encoding]] : []), ['content-length', String(length)]].flat();
}

const pages = new Map(
  Object.entries(JSON.parse(fs.readFileSync(file, 'utf8'))).map(([path, page]) => {
    if (typeof page === 'string') {
      const identity = Buffer.from(page);
      const bodies = {
        identity,
        br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
        gzip: gzipSync(identity, { level: 9 }),
      };
      return [path, Object.fromEntries(Object.entries(bodies).map(([encoding, body]) => [encoding, { body, headers: FOUR(encoding === 'identity' ? null : encoding, body.length) }]))];
    }
    const answers = {};
    for (const [encoding, base64] of Object.entries(page.bodies)) {
      const body = Buffer.from(base64, 'base64');
      answers[encoding] = { body, headers: sameHeaders(page.headers, encoding === 'identity' ? null : encoding, body.length) };
    }
    return [path, answers];
  }),
);

http
  .createServer((req, res) => {
    const page = pages.get(req.url ?? '');
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    const accepted = req.headers['accept-encoding'] ?? '';
    const encoding = /\bbr\b/.test(accepted) && page.br ? 'br' : /\bgzip\b/.test(accepted) && page.gzip ? 'gzip' : 'identity';
    const { body, headers } = page[encoding];
    res.writeHead(200, headers);
    res.end(body);
  })
  .listen(Number(port), '127.0.0.1', () => console.log('ready'));
