import 'server-only';
import { env } from './env';

/**
 * Purging shared caches (Varnish with the xkey module, deploy/varnish/) by cache tag. Every
 * reader page the page cache serves names its tags in the purge-key header
 * (lib/server/page-cache.ts); a write purges the tags it touched at every VARNISH_URL before
 * the editor's response returns, so the next reader request through the shared cache gets
 * the new page while the others stay cached.
 */

/** The purge key of pages whose render named no tags: they depend on everything, so every purge includes it. */
export const UNTAGGED = 'untagged';

const PURGE_TIMEOUT_MS = 2000;
// One warning per cache until it answers again: a cache that is down must not flood the log.
const failing = new Set<string>();

/** Purges these tags (and UNTAGGED) at every VARNISH_URL; resolves when all have answered or timed out. */
export async function purgeSharedCaches(tags: readonly string[], urls: readonly string[] = env.VARNISH_URL): Promise<void> {
  if (!urls.length || !tags.length) return;
  const keys = [...new Set([...tags, UNTAGGED])].join(' ');
  await Promise.all(
    urls.map(async (url) => {
      try {
        const response = await fetch(url, { method: 'PURGE', headers: { 'xkey-purge': keys }, signal: AbortSignal.timeout(PURGE_TIMEOUT_MS) });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        failing.delete(url);
      } catch (error) {
        if (!failing.has(url)) console.warn(`Purging ${keys} at ${url} failed: ${error instanceof Error ? error.message : error}. Its copies stay until they expire.`);
        failing.add(url);
      }
    }),
  );
}
