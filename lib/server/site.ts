import 'server-only';
import { headers } from 'next/headers';
import { z } from 'zod';
import type { Publisher } from '@/lib/claim-review';

const env = z
  .object({
    SITE_URL: z.url({ protocol: /^https?$/ }).optional(),
    PUBLISHER_NAME: z.string().trim().min(1).default('Claimline'),
    PUBLISHER_URL: z.url({ protocol: /^https?$/ }).optional(),
  })
  .parse({
    SITE_URL: process.env.SITE_URL || undefined,
    PUBLISHER_NAME: process.env.PUBLISHER_NAME || undefined,
    PUBLISHER_URL: process.env.PUBLISHER_URL || undefined,
  });

/**
 * The public origin for absolute links (feeds, JSON-LD, share images):
 * SITE_URL when set, else the request's own host.
 */
export async function siteUrl(): Promise<string> {
  if (env.SITE_URL) return env.SITE_URL.replace(/\/+$/, '');
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return `${proto.split(',')[0]}://${host.split(',')[0]}`;
}

/** The organisation named as author of ClaimReviews and feeds (PUBLISHER_NAME, PUBLISHER_URL). */
export async function publisher(): Promise<Publisher> {
  return { name: env.PUBLISHER_NAME, url: env.PUBLISHER_URL ?? (await siteUrl()) };
}
