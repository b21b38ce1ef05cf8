// `npm run checks` (the start of `npm test`): the static checks named on the command line (npm
// scripts: typecheck, lint, lint:api) at the same time. Each is one process that keeps one core
// busy, so on two cores they take about as long as the longest instead of the sum
// (docs/testing.md). Each one's output is printed whole when it ends; the exit code is non-zero
// when any failed, after all have ended, so one run shows every check's findings.
import { spawn } from 'node:child_process';
import { root } from './lib.mjs';

const names = process.argv.slice(2);
if (!names.length) throw new Error('name the npm scripts to run, e.g. typecheck lint');

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const results = await Promise.all(
  names.map(
    (name) =>
      new Promise((resolve) => {
        const child = spawn(npm, ['run', name], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
        const chunks = [];
        child.stdout.on('data', (chunk) => chunks.push(chunk));
        child.stderr.on('data', (chunk) => chunks.push(chunk));
        child.on('error', (error) => {
          console.error(`npm run ${name}: ${error.message}`);
          resolve({ name, code: 1 });
        });
        child.on('close', (code, signal) => {
          const output = Buffer.concat(chunks).toString();
          process.stdout.write(output.endsWith('\n') || !output ? output : `${output}\n`);
          resolve({ name, code: code ?? (signal ? 1 : 0) });
        });
      }),
  ),
);

const failed = results.filter((r) => r.code !== 0).map((r) => r.name);
if (failed.length) {
  console.error(`Failed: ${failed.join(', ')}`);
  process.exit(1);
}
