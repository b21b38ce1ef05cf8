import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';

type Line = { port?: number; worker?: number; exited?: string | number; untaken?: number };

const started: ChildProcess[] = [];
afterEach(() => started.splice(0).forEach((child) => child.kill('SIGKILL')));

/** scripts/handover-fixture.mjs: a first process handing each connection to its one worker. */
async function startFixture() {
  const child = spawn(process.execPath, [path.join(__dirname, 'handover-fixture.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
  started.push(child);
  const lines = readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => JSON.parse((await lines.next()).value as string) as Line;
  const { port, worker } = await next();
  return { primary: child.pid!, port: port!, worker: worker!, next };
}

/** One request on a connection of its own: its answer, or how it failed, or 'no answer' after `waitMs`. */
function request(port: number, url: string, waitMs = 10_000): Promise<string> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: url, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk));
      res.on('end', () => resolve(`${res.statusCode} ${body}`));
      res.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    setTimeout(() => {
      req.destroy();
      resolve('no answer');
    }, waitMs);
  });
}

const openSockets = (pid: number) => fs.readdirSync(`/proc/${pid}/fd`).filter((fd) => fs.readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith('socket:')).length;

describe('connections the first process hands to a reader or the editor process', () => {
  it('fail at once, instead of waiting forever for an answer, when the process is killed before it took them', async () => {
    const fixture = await startFixture();
    expect(await request(fixture.port, '/')).toBe('200 ok');
    // The worker answers, then is busy: the next connections are handed to it but not taken.
    expect(await request(fixture.port, '/busy')).toBe('200 busy');
    const waiting = [request(fixture.port, '/'), request(fixture.port, '/'), request(fixture.port, '/')];
    await new Promise((resolve) => setTimeout(resolve, 500));
    const killed = Date.now();
    process.kill(fixture.worker, 'SIGKILL');
    // Without the first process closing them, Node kept these connections open for good: no answer.
    expect(await Promise.all(waiting)).toEqual(Array(3).fill(expect.stringMatching(/^(ECONNRESET|socket hang up)$/)));
    expect(Date.now() - killed).toBeLessThan(5000);
    expect(await fixture.next()).toEqual({ exited: 'SIGKILL', untaken: 3 });
  }, 30_000);

  it('stay open in the process that took them, and the first process keeps no copy of them', async () => {
    const fixture = await startFixture();
    const before = openSockets(fixture.primary);
    for (let i = 0; i < 20; i++) expect(await request(fixture.port, '/')).toBe('200 ok');
    // A connection kept alive between two requests, answered by the worker after the first process let go of it.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const twice = await new Promise<string[]>((resolve, reject) => {
      const answers: string[] = [];
      const one = () =>
        http.get({ host: '127.0.0.1', port: fixture.port, path: '/', agent }, (res) => {
          const local = res.socket.localPort;
          res.resume();
          res.on('end', () => {
            answers.push(`${res.statusCode} ${local}`);
            if (answers.length === 2) resolve(answers);
            else setTimeout(one, 200);
          });
        }).on('error', reject);
      one();
    });
    agent.destroy();
    expect(twice[0]).toBe(twice[1]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(openSockets(fixture.primary)).toBeLessThanOrEqual(before);
  }, 30_000);
});
