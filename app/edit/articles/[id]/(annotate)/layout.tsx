import Link from 'next/link';
import { DemoLabel } from '@/components/demo-label';
import { notFound } from 'next/navigation';
import { getArticleForEditor } from '@/db/queries/annotator';
import { canDeleteArticle } from '@/db/queries/lifecycle';
import { isDetached } from '@/lib/anchor';
import { formatDate } from '@/lib/format';
import { parseId } from '@/lib/params';
import { articlePath } from '@/lib/routes';
import { requirePageUser } from '@/lib/server/session';
import { Annotator } from './_components/annotator';
import { BodySignatureProvider } from './_components/body-freshness';
import { ClaimList } from './_components/claim-list';
import { DeleteArticle } from './_components/delete-article';
import { EditorBody } from './_components/editor-body';
import { Suggestions } from './_components/suggestions';
import { bodySignature } from './signature';

/**
 * The annotator's frame: the article text (left), the suggestions and the
 * claim list stay while the claim panel (the page, right) follows the URL. A
 * layout is not re-rendered when only the search params change, so opening a
 * claim or starting one sends neither the long text nor the list again. A write
 * re-renders from the root (Next renders the whole route for a server action that
 * redirects or refreshes); should the text still be stale when the panel changes
 * (another editor's write), the page notices and refreshes the route (body-freshness.tsx).
 */
export default async function AnnotatorLayout({ params, children }: { params: Promise<{ id: string }>; children: React.ReactNode }) {
  await requirePageUser('editor');
  const id = parseId((await params).id);
  const article = id ? getArticleForEditor({ id }) : undefined;
  if (!article) notFound();
  const numbered = article.claims.map((c, i) => ({ ...c, number: i + 1 }));
  // A lost passage's positions belong to an older revision: listed, not drawn.
  const drawn = numbered.filter((c) => !isDetached(c.anchorState));
  return (
    <BodySignatureProvider signature={bodySignature(article.claims)}>
      <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div>
          <header className="mb-4">
            <p className="muted text-sm">
              {article.outlet}
              {article.author ? ` · ${article.author}` : ''}
              {article.publishedAt ? ` · ${formatDate(article.publishedAt)}` : ''}
            </p>
            <h1 className="mt-1 text-2xl font-bold leading-tight">
              {article.title}
              {article.demo ? <DemoLabel className="ml-2" /> : null}
            </h1>
            {/* A div, not a p: the delete dialog inside is a block, which a paragraph cannot hold (the browser ends the p before it and hydration fails). */}
            <div className="mt-1 flex flex-wrap gap-4 text-sm">
              <Link href={articlePath(article)}>Reader page</Link>
              <Link href={`/edit/articles/${article.id}/revise`}>New revision</Link>
              <Link href={`/edit/articles/${article.id}/review`}>Review moved passages</Link>
              {canDeleteArticle({ id: article.id }) ? <DeleteArticle id={article.id} title={article.title} /> : null}
            </div>
          </header>
          <Annotator articleId={article.id} claims={drawn.map((c) => ({ id: c.id, start: c.start, end: c.end }))}>
            <EditorBody
              body={article.body}
              claims={drawn.map((c) => ({ id: c.id, number: c.number, status: c.status, published: c.published, start: c.start, end: c.end }))}
            />
          </Annotator>
        </div>
        <aside aria-label="Claim panel" className="space-y-6 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
          {children}
          <Suggestions article={article} />
          <ClaimList
            articleId={article.id}
            claims={numbered.map((c) => ({
              id: c.id,
              number: c.number,
              statement: c.statement,
              status: c.status,
              published: c.published,
              withdrawn: c.withdrawn,
              own: c.own,
              anchorState: c.anchorState,
            }))}
          />
        </aside>
      </div>
    </BodySignatureProvider>
  );
}
