import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb } from '@/db';
import { seedDemoOnFirstRun } from '@/db/seed';
import { removeDatabase, useFreshDatabase } from '@/db/testing';

const root = path.resolve(__dirname, '..');
const files: string[] = [];
afterEach(() => files.splice(0).forEach(removeDatabase));

describe('the server’s one check of its database', () => {
  // '': none given. The file's path: what every process was given until a value named the process that
  // made the check, so the same value set by hand or left over from an earlier start skipped the check.
  it.each([[''], ['the file’s path']])('refuses a damaged file before it starts any process, with the reason, and leaves it untouched (CLAIMLINE_DB_CHECKED: %s)', async (given) => {
    const file = useFreshDatabase();
    files.push(file);
    seedDemoOnFirstRun();
    closeDb();
    const bytes = fs.readFileSync(file);
    // A page no process reads when it opens the file: only the full check finds it.
    bytes.fill(0xa5, bytes.length - bytes.readUInt16BE(16));
    fs.writeFileSync(file, bytes);
    const started = Date.now();
    const run = promisify(execFile)(process.execPath, [path.join(root, 'scripts', 'server.mjs')], {
      cwd: root,
      // Reader and editor processes: the layout in which only the first process checks. No port is listened on.
      env: { ...process.env, DATABASE_PATH: file, PORT: '1', HOST: '127.0.0.1', CLAIMLINE_WORKERS: '1', CLAIMLINE_EDITOR_PROCESS: '1', CLAIMLINE_DB_CHECKED: given ? file : '' },
    });
    const failed = await run.then(() => null, (error: { code: number; stderr: string }) => error);
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/Claimline cannot open .*: it is not an SQLite database, or it is damaged\. The file was not changed\./);
    expect(failed?.stderr).toMatch(/Claimline could not start: its database was refused/);
    // No reader or editor process started (each would have loaded Next first).
    expect(failed?.stderr).not.toMatch(/process (was killed|exited)/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 40_000);
});
