import { headers } from 'next/headers';
import { renderTags } from '@/lib/server/cache';
import { registerRenderTags } from '@/lib/server/page-cache';

/**
 * Reader pages. When the page cache renders one of them (lib/server/page-cache.ts), it
 * learns which cache tags the render read, so an edit elsewhere leaves the stored page
 * in place. The set is the render's own (React's request-scoped cache) and fills as the
 * page reads; the cache looks at it once the page has been sent.
 */
export default async function ReaderLayout({ children }: { children: React.ReactNode }) {
  registerRenderTags(await headers(), renderTags());
  return children;
}
