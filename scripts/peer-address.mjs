// Preloaded into every server the scripts start (NODE_OPTIONS=--import, see baseEnv in lib.mjs).
// Next passes a client's own X-Forwarded-For through untouched (it fills the header from the
// socket only when a request has none), so app code cannot tell a claimed address from the
// real one. This stamps each request with its socket's remote address under a header of its
// own, replacing whatever a client sent under that name; lib/server/client-address.ts reads it.
// One exception: a request a reader process passed to the editor process over loopback
// (scripts/server.mjs) keeps the address the reader process stamped, when it carries the
// secret only the server's own processes know.
import { timingSafeEqual } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';

export const PEER_HEADER = 'x-claimline-peer';
export const FORWARDED_HEADER = 'x-claimline-forwarded';

const secret = Buffer.from(process.env.CLAIMLINE_FORWARD_SECRET ?? '');
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Whether this request was passed on by one of the server's own processes. */
function passedOn(request, socket) {
  const given = Buffer.from(String(request.headers[FORWARDED_HEADER] ?? ''));
  delete request.headers[FORWARDED_HEADER];
  return secret.length > 0 && given.length === secret.length && LOOPBACK.has(socket.remoteAddress) && timingSafeEqual(given, secret);
}

// Published by Node's HTTP server for each request, before the server's 'request' listeners run.
subscribe('http.server.request.start', ({ request, socket }) => {
  if (passedOn(request, socket) && request.headers[PEER_HEADER]) return;
  if (socket.remoteAddress) request.headers[PEER_HEADER] = socket.remoteAddress;
  else delete request.headers[PEER_HEADER];
});
