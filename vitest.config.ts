import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['*.test.ts', 'embed/**/*.test.ts', 'lib/**/*.test.ts', 'db/**/*.test.ts', 'scripts/**/*.test.ts', 'app/**/*.test.ts'],
    environment: 'node',
    // Queries import 'server-only', which throws outside a React server bundle.
    alias: { 'server-only': fileURLToPath(new URL('./lib/testing/server-only.ts', import.meta.url)) },
  },
});
