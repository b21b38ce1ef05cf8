import 'server-only';
import { headers } from 'next/headers';
import type { Publisher } from '@/lib/claim-review';
import { policyPath } from '@/lib/policies';
import { env } from './env';

/**
 * The public origin for absolute links (feeds, JSON-LD, share images, API):
 * APP_URL when set (set it in production), else the request's Host header.
 * X-Forwarded-Host is not trusted: a shared cache could keep a poisoned copy.
 */
export async function siteUrl(): Promise<string> {
  return siteUrlFrom(await headers());
}

/** siteUrl() for given request headers: what a rendered page's absolute links depend on. */
export function siteUrlFrom(h: Pick<Headers, 'get'>): string {
  if (env.APP_URL) return env.APP_URL.replace(/\/+$/, '');
  const host = h.get('host') ?? `localhost:${env.PORT}`;
  const proto = h.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https' ? 'https' : 'http';
  return `${proto}://${host}`;
}

/**
 * The origin of links people receive outside the site (invitation links): APP_URL when set;
 * else, behind TRUST_PROXY trusted proxies only, the host they forwarded; else the Host header.
 * A client's own X-Forwarded-Host must not choose the host of a link an admin then sends on.
 */
export function linkOriginFrom(h: Pick<Headers, 'get'>, trustedProxies: number = env.TRUST_PROXY): string {
  const forwarded = !env.APP_URL && trustedProxies > 0 ? h.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  return siteUrlFrom(forwarded ? { get: (name) => (name.toLowerCase() === 'host' ? forwarded : h.get(name)) } : h);
}

/** The organisation named as author of ClaimReviews and feeds (PUBLISHER_NAME, PUBLISHER_URL). */
export async function publisher(): Promise<Publisher> {
  const site = await siteUrl();
  return {
    name: env.PUBLISHER_NAME,
    url: env.PUBLISHER_URL ?? site,
    publishingPrinciples: `${site}${policyPath('methodology')}`,
    correctionsPolicy: `${site}${policyPath('corrections')}`,
  };
}
