// The production server (scripts/server.mjs) as the crash tests run it: on a port of its own, in
// its own process group so that SIGKILL reaches every process it starts.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { root } from '../lib.mjs';

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The production server (scripts/server.mjs) in its own process group, so SIGKILL reaches every process it starts. */
export async function startServer({ port, env }: { port: number; env: NodeJS.ProcessEnv }) {
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'server.mjs')], {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const pid = child.pid!;
  const kill = async (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
    await exited;
  };
  for (const until = Date.now() + 30_000; Date.now() < until; ) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(5000) })).ok) return { kill, pid };
    } catch {
      // not listening yet, or no answer
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await kill('SIGKILL');
  throw new Error(`the server (pid ${pid}) did not answer /api/health on port ${port} within 30 s`);
}

/** The editor process among the server's children (Linux: /proc); null when the layout has none. */
export function editorProcess(primary: number): number | null {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      if (ppid === primary && fs.readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes('CLAIMLINE_ROLE=editor')) return Number(entry);
    } catch {
      // ended meanwhile
    }
  }
  return null;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
