import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';

const root = path.resolve(__dirname, '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

/**
 * The worker's setup runner (e2e/support/setup-runner.ts), reached synchronously: a thread of this
 * process talks to it and wakes this one up with each answer, so runTsx stays a plain function
 * call for the specs.
 */
type Runner = { port: MessagePort; signal: Int32Array };
let runner: Runner | undefined;

// The thread: starts the runner on the e2e database and passes lines both ways.
const THREAD = `
const { workerData } = require('node:worker_threads');
const { spawn } = require('node:child_process');
const readline = require('node:readline');
const { port, signal, command, args, cwd, env } = workerData;
const child = spawn(command, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
let stderr = '';
child.stderr.on('data', (chunk) => {
  process.stderr.write(chunk);
  stderr = (stderr + chunk).slice(-4000);
});
const answer = (line) => {
  port.postMessage(line);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
};
readline.createInterface({ input: child.stdout }).on('line', answer);
child.on('exit', (code, how) => answer(JSON.stringify({ stopped: true, error: 'the setup runner stopped (' + (how || code) + '): ' + stderr })));
port.on('message', (line) => child.stdin.write(line + '\\n'));
`;

function startRunner(): Runner {
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const thread = new Worker(THREAD, {
    eval: true,
    workerData: {
      port: port2,
      signal,
      command: tsx,
      args: ['--conditions=react-server', 'e2e/support/setup-runner.ts'],
      cwd: root,
      env: { ...process.env, DATABASE_PATH: process.env.E2E_DATABASE_PATH },
    },
    transferList: [port2],
  });
  // Neither keeps the Playwright worker alive; the runner ends when its input closes with this process.
  thread.unref();
  return { port: port1, signal };
}

function runInRunner(args: string[], env: Record<string, string>): string {
  runner ??= startRunner();
  const { port, signal } = runner;
  Atomics.store(signal, 0, 0);
  port.postMessage(JSON.stringify({ args, env }));
  // A set-up takes well under a second; the first also starts the runner.
  if (Atomics.wait(signal, 0, 0, 120_000) === 'timed-out') throw new Error(`${args[0]}: no answer from the setup runner in 120 s`);
  const message = receiveMessageOnPort(port);
  const answer = JSON.parse(String(message?.message)) as { out: string } | { error: string; stopped?: true };
  if ('stopped' in answer) runner = undefined; // the next set-up starts another
  if ('error' in answer) throw new Error(`${args.join(' ').slice(0, 200)} failed: ${answer.error}`);
  return answer.out;
}

/**
 * Runs a TypeScript file of this repository (a set-up script, `scripts/invite.ts`) against the e2e
 * database, as `tsx` would from the command line; returns what it printed. Another database
 * (`env.DATABASE_PATH`: a spec's own server) gets a tsx process of its own.
 */
export function runTsx(args: string[], env: Record<string, string | undefined> = {}): string {
  if (env.DATABASE_PATH === undefined || env.DATABASE_PATH === process.env.E2E_DATABASE_PATH) {
    const set = Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
    return runInRunner(args, set);
  }
  return execFileSync(tsx, ['--conditions=react-server', ...args], { cwd: root, env: { ...process.env, ...env } }).toString();
}

/** Runs a setup script of e2e/support with `input` as JSON; returns the JSON it printed last. */
export function runSetup<T>(script: string, input: unknown): T {
  const out = runTsx([`e2e/support/${script}`, JSON.stringify(input)]);
  return JSON.parse(out.trim().split('\n').at(-1)!) as T;
}
