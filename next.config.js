// @ts-check

// Next reads this file as CommonJS, before any bundler could resolve an import.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SERVER_ACTION_BODY_BYTES } = require('./lib/limits.cjs');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon: load it with Node's require, never bundle it.
  serverExternalPackages: ['better-sqlite3', 'jsdom'],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 for signed-in users without the role.
    authInterrupts: true,
    // Above the largest field any form accepts (lib/limits.cjs): an oversized field gets its
    // message beside it from the form's own checks, never Next's "Body exceeded" error page.
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_BYTES },
  },
  // Type checking and lint run in `npm test`; the build need not repeat them.
  typescript: { ignoreBuildErrors: true },
  // Headers every response gets, static files included; the Content-Security-Policy is set per request in proxy.ts.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
