// Which process of the server (scripts/server.mjs) a new connection goes to, decided by the
// first process from the first bytes the client sent: the request line and headers of its
// first request. A signed-in person's connection (a session cookie) and a form post go to the
// editor process, everything else to the reader processes. Browsers send the session cookie on
// every request of a signed-in tab, so an editor's connections all start with one.

import { SESSION_COOKIE } from '../lib/session-cookie.mjs';

export { SESSION_COOKIE };

/**
 * Whether a connection whose first bytes are `head` carries an editor's request. False when the
 * headers are cut off (a head larger than the first packet): the reader process then reads the
 * rest and passes the request on itself if it is an editor's.
 */
export function wantsEditor(head) {
  const text = Buffer.isBuffer(head) ? head.toString('latin1') : String(head);
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return false;
  const method = text.slice(0, text.indexOf(' '));
  if (method !== 'GET' && method !== 'HEAD') return true;
  // Several Cookie lines are one list (RFC 9110, 5.3); a header name is case-insensitive.
  const cookies = [...text.slice(0, end).matchAll(/\r\ncookie:[ \t]*([^\r\n]*)/gi)].map((m) => m[1]).join('; ');
  return SESSION_COOKIE.test(cookies);
}
