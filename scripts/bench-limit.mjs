// The bench's measure of what this machine can do (scripts/bench.mjs): a plain node:http
// server, in a process of its own, serving pages the app served, byte for byte, with nothing
// else in the way. `node scripts/bench-limit.mjs <pages.json> <port>`: pages.json maps a path
// to the page's HTML (as the app sent it, decoded). Each page is compressed once at start, as
// an ideal server would store it, and every request gets the best encoding it accepts.
// Prints "ready" once listening.
import fs from 'node:fs';
import http from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const [file, port] = process.argv.slice(2);
if (!file || !port) throw new Error('usage: bench-limit.mjs <pages.json> <port>');

const pages = new Map(
  Object.entries(JSON.parse(fs.readFileSync(file, 'utf8'))).map(([path, html]) => {
    const identity = Buffer.from(html);
    return [
      path,
      {
        identity,
        br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
        gzip: gzipSync(identity, { level: 9 }),
      },
    ];
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
    const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
    const body = encoding ? page[encoding] : page.identity;
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': body.length,
      vary: 'Accept-Encoding',
      ...(encoding ? { 'content-encoding': encoding } : {}),
    });
    res.end(body);
  })
  .listen(Number(port), '127.0.0.1', () => console.log('ready'));
