import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Server actions are public endpoints: anyone can post to them without the page that
// shows the form. Each must go through the action() wrapper, which checks the session
// and role first; only the sign-in and account-link actions are for signed-out people
// (and check their token or limits themselves). e2e/authorization.spec.ts calls them
// over HTTP as every kind of visitor.
const PUBLIC_ACTIONS = new Set(['signIn', 'join', 'signOut']);

function serverActionFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return serverActionFiles(full);
    return /\.tsx?$/.test(entry.name) && /^['"]use server['"]/m.test(fs.readFileSync(full, 'utf8')) ? [full] : [];
  });
}

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
