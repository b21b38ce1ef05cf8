// What each process of the server (scripts/server.mjs) does. Which one a new connection goes to is decided by the
// first process from the first bytes the client sent: the request line and headers of its
// first request. A signed-in person's connection (a session cookie) and a form post go to the
// editor process, everything else to the reader processes. Browsers send the session cookie on
// every request of a signed-in tab, so an editor's connections all start with one.

import os from 'node:os';
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

/**
 * What a process of the server is started with besides the values every process shares: its role,
 * and for a reader process beside an editor process no background jobs (fetching sources and
 * watched articles, lib/server/jobs): the editor process runs them, a reader process's CPU is the
 * readers', and the jobs' leases let any one process run them (docs/operations.md).
 */
export function processEnv(role, editorProcess) {
  return { CLAIMLINE_ROLE: role, ...(editorProcess && role === 'reader' ? { CLAIMLINE_JOBS: '0' } : {}) };
}

/**
 * Each kind of server process's CPU priority (nice): reader processes yield the CPU to the editor
 * process, and the editor process goes ahead of the machine's other work (a load generator, a
 * build, a backup) where it may: a negative nice needs root, CAP_SYS_NICE or a nice limit that
 * allows it (systemd's LimitNICE=-5). Where it may not, it stays at the nice it started with.
 */
export const NICE = { reader: 5, editor: -5 };

/** Sets this process's priority for its role (reader, editor); returns the nice it runs at. */
export function takePriority(role) {
  try {
    if (role in NICE) os.setPriority(NICE[role]);
  } catch {
    // not allowed here: the priority it had
  }
  return os.getPriority();
}
