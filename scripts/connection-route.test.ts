import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NICE, processEnv, sweepDuty, wantsEditor } from './connection-route.mjs';

const request = (lines: string[], method = 'GET', path = '/claims/3/some-slug') => Buffer.from(`${method} ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`, 'latin1');

describe('which process a new connection goes to', () => {
  it('sends a signed-in person’s connection to the editor process, whatever the cookie’s prefix, case or place', () => {
    for (const cookie of [
      'Cookie: better-auth.session_token=abc.def',
      'cookie: theme=dark; __Secure-better-auth.session_token=abc',
      'COOKIE: __Host-claimline.session_token=x',
      'Cookie: theme=dark\r\nCookie: better-auth.session_token=abc',
    ]) {
      expect(wantsEditor(request(['Host: news.example', cookie, 'Accept: text/html'])), cookie).toBe(true);
    }
  });

  it('sends form posts and other writes to the editor process, signed in or not (sign-in itself, server actions)', () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) expect(wantsEditor(request(['Host: news.example'], method, '/sign-in')), method).toBe(true);
  });

  it('leaves readers, the API, other cookies and anything it cannot read to the reader processes', () => {
    expect(wantsEditor(request(['Host: news.example', 'Accept: text/html', 'Accept-Encoding: gzip, br']))).toBe(false);
    expect(wantsEditor(request(['Host: news.example', 'Cookie: theme=dark; consent=yes'], 'HEAD', '/api/v1/claims?q=caf%C3%A9'))).toBe(false);
    // A header that only mentions a session elsewhere than in a cookie name.
    expect(wantsEditor(request(['Host: news.example', 'X-Note: session_token=abc', 'Referer: https://x.example/?session=1']))).toBe(false);
    // Headers larger than the first packet: the reader process passes it on if need be.
    expect(wantsEditor(Buffer.from('GET / HTTP/1.1\r\nHost: news.example\r\nCookie: better-auth.session_token=abc'))).toBe(false);
    expect(wantsEditor(Buffer.from(''))).toBe(false);
    expect(wantsEditor(Buffer.from('\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u01fc\u0003\u0003'))).toBe(false);
    // Bytes that are not UTF-8 in a header (a browser's raw Latin-1 or a fuzzer) change nothing.
    expect(wantsEditor(request(['Host: news.example', 'X-Name: caf\u00e9 \u00ff\u00fe', 'User-Agent: 🦆']))).toBe(false);
  });
});

describe('what each process runs', () => {
  it('leaves the background jobs to the editor process when there is one, and to every process when there is none', () => {
    expect(processEnv('reader', true, false)).toEqual({ CLAIMLINE_ROLE: 'reader', CLAIMLINE_JOBS: '0', CLAIMLINE_PURGE_SWEEP: '0' });
    expect(processEnv('editor', true, true)).toEqual({ CLAIMLINE_ROLE: 'editor', CLAIMLINE_PURGE_SWEEP: '1' });
    // Several reader processes and no editor process: each runs jobs, the leases keep each job to one.
    expect(processEnv('reader', false, false)).toMatchObject({ CLAIMLINE_ROLE: 'reader' });
    expect(processEnv('reader', false, false)).not.toHaveProperty('CLAIMLINE_JOBS');
  });

  /**
   * A server's processes as scripts/server.mjs starts them, and starts them again after an exit: whether
   * each sweeps due purges as instrumentation.ts decides it (CLAIMLINE_PURGE_SWEEP not '0'; a process
   * started without the variable, as `next start` or the server's single process, sweeps).
   */
  function server(readers: number, editorProcess: boolean) {
    const duty = sweepDuty(editorProcess);
    const processes: { role: string; sweeps: boolean }[] = [];
    const start = (role: string) => {
      const env: Record<string, string> = processEnv(role, editorProcess, duty.take(role));
      processes.push({ role, sweeps: env.CLAIMLINE_PURGE_SWEEP !== '0' });
    };
    if (editorProcess) start('editor');
    for (let i = 0; i < readers; i++) start('reader');
    return {
      processes,
      sweepers: () => processes.filter((p) => p.sweeps).map((p) => p.role),
      /** The process at `index` exits and another of its role starts in its place, as server.mjs does. */
      restart(index: number) {
        const [gone] = processes.splice(index, 1);
        if (gone!.sweeps) duty.release();
        start(gone!.role);
      },
    };
  }

  it.each([
    [1, true],
    [3, true],
    [2, false],
    [4, false],
  ])('has exactly one process sweep the purges of shared caches: %i reader processes, editor process %s', (readers, editorProcess) => {
    const s = server(readers, editorProcess);
    expect(s.sweepers()).toEqual([editorProcess ? 'editor' : 'reader']);
    // Every process exits in turn and is started again, the sweeper first: one sweeper all along.
    for (let round = 0; round < 2; round++) {
      const first = s.processes.findIndex((p) => p.sweeps);
      s.restart(first);
      expect(s.sweepers()).toHaveLength(1);
      for (let i = 0; i < readers; i++) {
        s.restart(0);
        expect(s.sweepers()).toHaveLength(1);
      }
    }
    expect(s.processes).toHaveLength(readers + (editorProcess ? 1 : 0));
  });
});

describe('which process gets the CPU first', () => {
  /** The nice a new process of `role` runs at, started as a server process is, or with `prefix` (dropping a privilege). */
  const niceOf = (role: string, prefix: string[] = []) => {
    const script = `import(${JSON.stringify(path.join(__dirname, 'connection-route.mjs'))}).then((m) => console.log(m.takePriority(${JSON.stringify(role)})))`;
    const [command, ...args] = [...prefix, process.execPath, '-e', script];
    return Number(execFileSync(command!, args, { encoding: 'utf8' }).trim());
  };
  const privileged = process.getuid?.() === 0;

  it('runs reader processes below the editor process, and the editor process ahead of other work where allowed', () => {
    expect(niceOf('reader')).toBe(NICE.reader);
    expect(niceOf('editor')).toBe(privileged ? NICE.editor : 0);
    expect(NICE.editor).toBeLessThan(0);
    expect(NICE.reader).toBeGreaterThan(0);
  });

  it.runIf(privileged)('starts the editor process at its usual nice where a higher priority is not allowed', () => {
    expect(niceOf('editor', ['setpriv', '--inh-caps=-sys_nice', '--bounding-set=-sys_nice'])).toBe(0);
    expect(niceOf('reader', ['setpriv', '--inh-caps=-sys_nice', '--bounding-set=-sys_nice'])).toBe(NICE.reader);
  });
});
