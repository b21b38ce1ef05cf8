import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const TESTS = ['*.test.ts', 'embed/**/*.test.ts', 'lib/**/*.test.ts', 'db/**/*.test.ts', 'scripts/**/*.test.ts', 'app/**/*.test.ts'];
// Measured against the clock: run alone, after the rest, so no other test file's work skews it.
const TIMED = ['lib/server/sign-in.test.ts'];

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    environment: 'node',
    // Queries import 'server-only', which throws outside a React server bundle.
    alias: { 'server-only': fileURLToPath(new URL('./lib/testing/server-only.ts', import.meta.url)) },
    projects: [
      // Two files at a time (vitest's default is one on two cores): each file has its own
      // temporary database and ephemeral ports, and much of the time is child processes and scrypt.
      { extends: true, test: { name: 'unit', include: TESTS, exclude: [...configDefaults.exclude, ...TIMED], maxWorkers: 2 } },
      { extends: true, test: { name: 'timed', include: TIMED, maxWorkers: 1, sequence: { groupOrder: 1 } } },
    ],
  },
});
