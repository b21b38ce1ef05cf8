import { articlePath } from '@/lib/routes';
import { tags } from '@/lib/server/cache';
import { atomResponse } from '@/lib/server/feeds';
import { readArticle } from '@/lib/server/reader';

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const article = readArticle((await params).slug);
  if (!article) return new Response('Not found', { status: 404 });
  return atomResponse(request, {
    title: `Claim status changes in “${article.title}”`,
    selfPath: `${articlePath(article)}/feed.atom`,
    pagePath: articlePath(article),
    scope: { articleId: article.id },
    dependsOn: [tags.article(article.id), tags.lists],
  });
}
