import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Server actions are public endpoints: anyone can post to them without the page that
// shows the form. Each must go through the action() wrapper, which checks the session
// and role first; only the sign-in and account-link actions are for signed-out people
// (and check their token or limits themselves). e2e/authorization.spec.ts calls them
// over HTTP as every kind of visitor.
const PUBLIC_ACTIONS = new Set(['signIn', 'join', 'signOut']);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const serverActionFiles = (dir: string) => sourceFiles(dir).filter((file) => /^['"]use server['"]/m.test(fs.readFileSync(file, 'utf8')));

describe('server actions', () => {
  const files = serverActionFiles(path.join(__dirname));

  it('are found', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [path.relative(__dirname, f), f]))('%s: every export checks its role', (_name, file) => {
    const source = fs.readFileSync(file, 'utf8');
    const exports = [...source.matchAll(/^export\s+(?:async\s+)?(?:const|function)\s+(\w+)(.*)$/gm)];
    for (const [, name, rest] of exports) {
      if (PUBLIC_ACTIONS.has(name!)) continue;
      expect(rest, `${name} must be created with action({ role, ... })`).toMatch(/^\s*=\s*action\(\{/);
      const body = source.slice(source.indexOf(`${name} = action({`));
      expect(body, `${name} must name its role`).toMatch(/^[^]*?role:\s*'(editor|admin)'/);
    }
  });
});

// The authorization matrix names each case's action; a new action (or write route) without a
// case there fails here, so it cannot ship without being called over HTTP by every kind of caller.
describe('the authorization matrix (e2e/authorization.spec.ts)', () => {
  const spec = fs.readFileSync(path.join(__dirname, '..', 'e2e', 'authorization.spec.ts'), 'utf8');
  const covered = new Set([...spec.matchAll(/^\s*action: '(\w+)',$/gm)].map((m) => m[1]!));

  it('has a case for every server action', () => {
    const actions = serverActionFiles(__dirname).flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/^export const (\w+) = action\(/gm)].map((m) => m[1]!),
    );
    expect(actions.length).toBeGreaterThan(10);
    expect([...covered].sort()).toEqual([...new Set(actions)].sort());
  });

  it('has no write route handlers to cover: every write is a server action', () => {
    // Route handlers get no CSRF check from Next; a write route needs an Origin check and matrix cases.
    const write = /export\s+(?:async\s+)?(?:function|const)\s+(?:POST|PUT|PATCH|DELETE)\b|export\s*\{[^}]*\b(?:POST|PUT|PATCH|DELETE)\b/;
    const routes = sourceFiles(__dirname).filter((file) => /^route\.tsx?$/.test(path.basename(file)) && write.test(fs.readFileSync(file, 'utf8')));
    expect(routes.map((f) => path.relative(__dirname, f))).toEqual([]);
  });
});
