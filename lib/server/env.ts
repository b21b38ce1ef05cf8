import 'server-only';
import { z } from 'zod';
import { DEFAULT_WATCH_SCHEDULE, parseWatchSchedule } from '@/lib/watch';

const envSchema = z.object({
  APP_URL: z.url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // The organisation named as author of ClaimReviews and feeds.
  PUBLISHER_NAME: z.string().trim().min(1).default('Claimline'),
  PUBLISHER_URL: z.url({ protocol: /^https?$/ }).optional(),
  // How the statistics pages write numbers (a BCP 47 tag). One locale for the newsroom, not one per
  // reader: reader pages are cached as constant bytes for every reader (see docs/statistics.md).
  NEWSROOM_LOCALE: z
    .string()
    .trim()
    .default('en-GB')
    .refine((tag) => {
      try {
        return Intl.NumberFormat.supportedLocalesOf([tag]).length > 0;
      } catch {
        return false;
      }
    }, 'NEWSROOM_LOCALE must be a locale this Node.js knows, e.g. en-GB, de-DE or fr-FR.'),
  // How many reverse proxies in front of the app append to X-Forwarded-For (0: clients connect
  // directly and the header is not trusted). See lib/server/client-address.ts.
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  // Shared caches to purge on every write (Varnish with xkey, deploy/varnish/): URLs separated by commas or spaces.
  VARNISH_URL: z
    .string()
    .default('')
    .transform((list) => list.split(/[\s,]+/).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/ }))),
  // The response header naming a reader page's cache tags: xkey (Varnish), Surrogate-Key (Fastly), Cache-Tag (Cloudflare).
  PURGE_KEY_HEADER: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9-]*$/)
    .default('xkey')
    .transform((name) => name.toLowerCase()),
  // Background work (docs/operations.md, "Archived sources and watched articles"): days between
  // link checks of a cited source, and whether this process runs jobs at all.
  CLAIMLINE_SOURCE_CHECK_DAYS: z.coerce.number().min(0.01).max(365).default(7),
  // How long one background fetch (an archived copy, a link check, a watch) may take, redirects
  // and body included, before it counts as no answer.
  CLAIMLINE_FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(20_000),
  // How often an article imported from a web address is fetched again, by its age (lib/watch.ts).
  CLAIMLINE_WATCH_SCHEDULE: z
    .string()
    .default(DEFAULT_WATCH_SCHEDULE)
    .transform((text, context) => {
      const parsed = parseWatchSchedule(text);
      if (!('error' in parsed)) return parsed;
      context.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }),
});

/** The environment, read and validated once. */
export const env = envSchema.parse(process.env);

/** The public base URL (no trailing slash). */
export function appUrl(): string {
  return (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
}
