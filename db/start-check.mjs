// How a server start's one full check of its database (PRAGMA quick_check, 1.6 s on a newsroom of a
// hundred thousand claims) is handed to the processes it starts, so that they skip it (db/open.ts).
// Plain JavaScript: scripts/start.mjs, e2e-server.mjs and server.mjs give it, db/open.ts reads it.
//
// The value names the process that made the check, as it runs now, and the file: a child skips the
// check only when its own parent made it. A value set by hand, copied from a running server, or left
// over in an environment from an earlier start names another process (or none), and the check is
// made. Not a secret: a process that sets it for its own child on purpose can skip the check, as it
// could by opening the file itself.
import fs from 'node:fs';

export const CHECKED_ENV = 'CLAIMLINE_DB_CHECKED';

/**
 * A running process as no other process is named, even once its pid is reused: the pid and, where
 * /proc tells it, the process's start time (clock ticks since boot; field 22 of /proc/<pid>/stat,
 * counted after the command name, which may hold spaces and parentheses).
 */
export function processIdentity(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const startTime = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return startTime ? `${pid}@${startTime}` : String(pid);
  } catch {
    return String(pid);
  }
}

/** The value this process gives the processes it starts after `file` (an absolute path) passed its check. */
export function checkedToken(file) {
  return `${processIdentity(process.pid)}:${file}`;
}

/** Whether this process's parent checked `file` in this start (`value`: the variable as this process got it). */
export function checkedByParent(value, file) {
  return typeof value === 'string' && value === `${processIdentity(process.ppid)}:${file}`;
}
