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
 * What a process of the server is started with besides the values every process shares: its role;
 * for a reader process beside an editor process no background jobs (fetching sources and
 * watched articles, lib/server/jobs): the editor process runs them, a reader process's CPU is the
 * readers', and the jobs' leases let any one process run them (docs/operations.md); and whether it
 * sweeps the purges of shared caches that writes left due (lib/server/purge.ts, `sweeps`: see sweepDuty).
 */
export function processEnv(role, editorProcess, sweeps) {
  return { CLAIMLINE_ROLE: role, ...(editorProcess && role === 'reader' ? { CLAIMLINE_JOBS: '0' } : {}), CLAIMLINE_PURGE_SWEEP: sweeps ? '1' : '0' };
}

/**
 * Which process sweeps due purges: exactly one at a time. Jobs are shared out by their leases, but
 * two sweepers would purge each due tag twice, a due `*` (all of Varnish) included. The editor
 * process when there is one (its restart takes the duty up again); otherwise the first reader
 * process, and when it exits, the reader started in its place.
 */
export function sweepDuty(editorProcess) {
  let held = false;
  return {
    /** Whether a process of `role` about to start sweeps; if it does, the duty is its until release(). */
    take(role) {
      const sweeps = editorProcess ? role === 'editor' : role === 'reader' && !held;
      if (sweeps) held = true;
      return sweeps;
    },
    /** The sweeping process exited. */
    release() {
      held = false;
    },
  };
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
