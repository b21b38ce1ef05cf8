import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle },
    rules: {
      // An UPDATE or DELETE without WHERE would rewrite every row.
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Reader pages read through lib/server/reader.ts only: the page cache keeps a page until
    // one of the cache tags its render read changes, and a direct query would add no tag.
    files: ['app/(reader)/**/page.tsx', 'app/(reader)/**/layout.tsx', 'components/**'],
    ignores: ['app/(reader)/corrections/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/db', '@/db/*'], message: 'Read reader data through lib/server/reader.ts.' }] }],
    },
  },
  {
    // Playwright fixtures receive a `use` callback that is not React's hook.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // Every spec's tests go through the shared fixture, whose guard fails a test on a hydration
    // error or an uncaught page error (e2e/fixtures.ts); types may still come from Playwright.
    files: ['e2e/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@playwright/test', importNames: ['test'], allowTypeImports: true, message: "Import test from './fixtures': its page-error guard is on for every spec." }] },
      ],
    },
  },
  globalIgnores(['.next/**', 'node_modules/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**', 'db/migrations/**']),
]);
