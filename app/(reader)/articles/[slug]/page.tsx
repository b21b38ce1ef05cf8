import type { Metadata } from 'next';
import { DemoLabel } from '@/components/demo-label';
import Link from 'next/link';
import { decodedSegment } from '@/lib/params';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleBody } from '@/components/article-body';
import { isDetached } from '@/lib/anchor';
import { StatusBadge } from '@/components/status-badge';
import { formatDate, plural } from '@/lib/format';
import { articlePath, claimPath, externalHref } from '@/lib/routes';
import { STATUSES, STATUS_INFO } from '@/lib/status';
import { readArticle, readArticleAddress } from '@/lib/server/reader';
import { siteUrl } from '@/lib/server/site';
import { RevisionNote } from './_components/revision-note';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = readArticle((await params).slug);
  if (!article) return {};
  const description = `Claims tracked in “${article.title}” (${article.outlet}).`;
  const url = `${await siteUrl()}${articlePath(article)}`;
  return {
    title: article.title,
    description,
    alternates: { canonical: url, types: { 'application/atom+xml': `${articlePath(article)}/feed.atom` } },
    openGraph: { type: 'article', title: article.title, description, url },
    twitter: { card: 'summary', title: article.title, description },
  };
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  const article = readArticle(slug);
  if (!article) {
    // An address typed by hand (other letter case, spaces, accents) leads to the article it names.
    const current = readArticleAddress(decodedSegment(slug));
    if (current) permanentRedirect(articlePath({ slug: current }));
    notFound();
  }
  const claims = article.claims.map((c, i) => ({
    ...c,
    number: i + 1,
    href: claimPath(c),
  }));
  const present = STATUSES.filter((s) => claims.some((c) => c.status === s));
  return (
    <article className="grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <div>
        <header className="mb-6">
          <p className="muted text-sm">
            {article.outlet}
            {article.author ? ` · ${article.author}` : ''}
            {article.publishedAt ? ` · ${formatDate(article.publishedAt)}` : ''}
          </p>
          <h1 className="mt-1 text-3xl font-bold leading-tight">
            {article.title}
            {article.demo ? <DemoLabel className="ml-3" /> : null}
          </h1>
          <RevisionNote article={article} />
          <p className="no-print mt-2 flex flex-wrap gap-4 text-sm">
            {externalHref(article.canonicalUrl) ? (
              <a href={externalHref(article.canonicalUrl)} rel="noopener noreferrer nofollow">
                Original article
              </a>
            ) : null}
            <a href={`${articlePath(article)}/feed.atom`}>Atom feed of status changes</a>
          </p>
        </header>
        {present.length > 0 ? (
          <section aria-label="Legend" className="mb-6 flex flex-wrap items-center gap-2 text-sm">
            <span className="muted">Highlights:</span>
            {present.map((s) => (
              <StatusBadge key={s} status={s} />
            ))}
          </section>
        ) : null}
        <ArticleBody body={article.body} claims={claims.filter((c) => !isDetached(c.anchorState))} />
      </div>
      <aside aria-labelledby="claims-heading">
        <h2 id="claims-heading" className="mb-3 text-xl font-bold">
          {plural(claims.length, 'claim')} in this article
        </h2>
        <ol className="space-y-4">
          {claims.map((c) => (
            <li key={c.id} className="panel rounded-lg p-3">
              <p className="flex items-center gap-2 text-sm">
                <span className="font-bold">{c.number}.</span>
                <StatusBadge status={c.status} />
              </p>
              <p className="mt-1">
                <Link href={c.href}>{c.statement}</Link>
              </p>
              <p className="muted mt-1 text-xs">{STATUS_INFO[c.status].description}</p>
              {isDetached(c.anchorState) ? <p className="muted mt-1 text-xs">No longer in the article.</p> : null}
            </li>
          ))}
        </ol>
      </aside>
    </article>
  );
}
