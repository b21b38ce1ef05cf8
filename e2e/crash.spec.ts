import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

const root = path.resolve(__dirname, '..');

// `npm run crash-test` in short: its own server on its own port and database, killed
// with SIGKILL three times while editors save (the long run does 20).
test('no acknowledged save is lost when the server is killed mid-write', async () => {
  test.setTimeout(240_000);
  const { stdout } = await promisify(execFile)(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    ['scripts/crash-test.ts', '--rounds', '3'],
    { cwd: root, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } },
  );
  expect(stdout).toMatch(/OK: [1-9]\d* acknowledged saves over 3 SIGKILLs, all present; integrity ok/);
  expect(stdout).toMatch(/OK: a job killed mid-fetch completed once after the restart \(2 attempts, 2 fetches, 1 copy\)/);
});
