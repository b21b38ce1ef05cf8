// Preloaded into every server the scripts start (NODE_OPTIONS=--import, see baseEnv in lib.mjs).
// Next passes a client's own X-Forwarded-For through untouched (it fills the header from the
// socket only when a request has none), so app code cannot tell a claimed address from the
// real one. This stamps each request with its socket's remote address under a header of its
// own, replacing whatever a client sent under that name; lib/server/client-address.ts reads it.
import { subscribe } from 'node:diagnostics_channel';

export const PEER_HEADER = 'x-claimline-peer';

// Published by Node's HTTP server for each request, before the server's 'request' listeners run.
subscribe('http.server.request.start', ({ request, socket }) => {
  if (socket.remoteAddress) request.headers[PEER_HEADER] = socket.remoteAddress;
  else delete request.headers[PEER_HEADER];
});
