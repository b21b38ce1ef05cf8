import 'server-only';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { nextCookies } from 'better-auth/next-js';
import { getDb } from '@/db';
import { accounts, rateLimits, sessions, users, verifications } from '@/db/schema';
import { authSecret } from '@/db/queries/users';
import { appUrl } from '@/lib/server/env';
import { PASSWORD_MIN_LENGTH } from '@/lib/vocabulary';

export const SESSION_IDLE_SECONDS = 60 * 60 * 24 * 3;
export const SESSION_ABSOLUTE_MS = 1000 * 60 * 60 * 24 * 14;

function createAuth() {
  const url = appUrl();
  return betterAuth({
    appName: 'Claimline',
    baseURL: url,
    secret: authSecret(),
    database: drizzleAdapter(getDb(), {
      provider: 'sqlite',
      schema: { user: users, session: sessions, account: accounts, verification: verifications, rateLimit: rateLimits },
    }),
    // Accounts are created only through setup and invitation links (db/queries/users.ts).
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: PASSWORD_MIN_LENGTH, maxPasswordLength: 256 },
    session: { expiresIn: SESSION_IDLE_SECONDS, updateAge: 60 * 60 },
    user: {
      additionalFields: {
        role: { type: 'string', required: false, input: false, defaultValue: 'editor' },
        disabledAt: { type: 'date', required: false, input: false },
      },
    },
    advanced: {
      cookiePrefix: 'claimline',
      useSecureCookies: url.startsWith('https://'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' },
    },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { claimlineAuth?: Auth };

/** The auth library instance, created on first use (it needs the database, which the build must not open). */
export function getAuth(): Auth {
  globalForAuth.claimlineAuth ??= createAuth();
  return globalForAuth.claimlineAuth;
}
