// The production server (`npm start` runs it through scripts/start.mjs): Next's request
// handler behind a plain node:http server that owns the socket. A reader page the page cache
// holds (lib/server/page-cache.ts) is answered here, from memory, before Next's router and
// proxy run: a lookup and a write of bytes compressed when the page was stored. Everything
// else, misses included, goes to Next as with `next start`.
// `node scripts/server.mjs` with PORT (default 3000) and HOST (default 0.0.0.0);
// CLAIMLINE_HOT_PATH=0 sends every request through Next (the bench compares both).
import http from 'node:http';
import { root } from './lib.mjs';

process.env.NODE_ENV = 'production';
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || '0.0.0.0';
// The page cache renders a miss by asking this server over loopback on PORT.
process.env.PORT = String(port);

const { default: next } = await import('next');
const app = next({ dev: false, dir: root, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const hotPath = process.env.CLAIMLINE_HOT_PATH !== '0';
const server = http.createServer((req, res) => {
  // Installed by the page cache once Next has loaded it (the first reader request does).
  const hit = hotPath ? globalThis.claimlineHotPath?.(req) : null;
  if (hit) {
    res.writeHead(hit.status, hit.headers.flat());
    res.end(hit.body ?? undefined);
    return;
  }
  // As `next start` does: an error that escapes Next's handler is a 500 and a log line, never a crash.
  handle(req, res).catch((error) => {
    console.error(`Failed to handle ${req.method} ${req.url}:`, error);
    if (!res.headersSent) res.statusCode = 500;
    res.end(res.headersSent ? undefined : 'Internal Server Error');
  });
});
server.on('error', (error) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `Claimline cannot listen on ${hostname}:${port}: another program uses that port. Set PORT to a free one.`
      : `Claimline cannot listen on ${hostname}:${port}: ${error.message}`,
  );
  process.exit(1);
});
server.listen(port, hostname, () => console.log(`Claimline listening on http://${hostname}:${port}`));

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    // Open keep-alive connections would hold close() back; the process ends now.
    process.exit(0);
  });
}
