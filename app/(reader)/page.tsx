import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { DemoLabel } from '@/components/demo-label';
import { PagePosition, Pager } from '@/components/pager';
import { StatusBadge } from '@/components/status-badge';
import { StatusTally } from '@/components/status-tally';
import { describeEvent } from '@/lib/events';
import { formatDate, isoDate, plural } from '@/lib/format';
import { articlePath, claimPath } from '@/lib/routes';
import { pageHref, parsePageParam, resolvePage } from '@/lib/paging';
import { HOME_PAGE_SIZE, readHome, readMostDisputed, readStatusChanges } from '@/lib/server/reader';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const asked = parsePageParam((await searchParams).page);
  const page = 'page' in asked && asked.page > 1 ? asked.page : null;
  return {
    ...(page ? { title: `Articles, page ${page}` } : {}),
    alternates: { types: { 'application/atom+xml': '/feeds/claims.atom' } },
  };
}

export default async function HomePage({ searchParams }: Props) {
  // Rendered per request from the runtime database, never at build time.
  await connection();
  // The total comes with any page of the list; the first is the one most often cached.
  const shown = resolvePage((await searchParams).page, readHome().total, HOME_PAGE_SIZE);
  if (shown.redirect) redirect(pageHref('/', {}, 'page', shown.page));
  const { articles } = readHome(shown.offset);
  const changes = readStatusChanges(8);
  const disputed = readMostDisputed();
  return (
    <div className="grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <section aria-labelledby="articles-heading">
        <h1 id="articles-heading" className="mb-4 text-2xl font-bold">
          Articles
        </h1>
        <PagePosition window={shown} order="newest first" />
        {articles.length === 0 ? (
          <p className="muted">No articles yet.</p>
        ) : (
          <ul className="space-y-4">
            {articles.map((a) => (
              <li key={a.id} className="panel rounded-lg p-4">
                <p className="muted text-sm">
                  {a.outlet}
                  {a.publishedAt ? ` · ${formatDate(a.publishedAt)}` : ''}
                </p>
                <h2 className="mt-1 text-lg font-semibold">
                  <Link href={articlePath(a)}>{a.title}</Link>
                  {a.demo ? <DemoLabel className="ml-2" /> : null}
                </h2>
                <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
                  <span className="muted">{plural(a.total, 'claim')}</span>
                  <StatusTally counts={a.statusCounts} />
                </p>
              </li>
            ))}
          </ul>
        )}
        <Pager window={shown} label="Pages of articles" href={(p) => pageHref('/', {}, 'page', p)} />
      </section>
      <div className="space-y-10">
        <section aria-labelledby="changes-heading">
          <h2 id="changes-heading" className="mb-4 text-xl font-bold">
            Recent status changes
          </h2>
          {changes.length === 0 ? <p className="muted">No published claims yet.</p> : null}
          <ul className="space-y-3">
            {changes.map((e) => (
              <li key={e.id}>
                <StatusBadge status={e.status} />
                <Link href={claimPath({ id: e.claimId, slug: e.claimSlug })} className="ml-2">
                  {e.statement}
                </Link>
                {e.demo ? <DemoLabel className="ml-2" /> : null}
                <p className="muted text-sm">
                  <time dateTime={isoDate(e.at)}>{formatDate(e.at)}</time> · {describeEvent(e.kind, e.before, e.after)}
                </p>
              </li>
            ))}
          </ul>
          <p className="mt-4 flex gap-4 text-sm">
            <Link href="/claims">All claims</Link>
            <a href="/feeds/claims.atom">Atom feed</a>
          </p>
        </section>
        <section aria-labelledby="disputed-heading">
          <h2 id="disputed-heading" className="mb-4 text-xl font-bold">
            Most disputed
          </h2>
          {disputed.length === 0 ? <p className="muted">No disputed claims.</p> : null}
          <ul className="space-y-3">
            {disputed.map((c) => (
              <li key={c.id}>
                <StatusBadge status={c.status} />
                <Link href={claimPath(c)} className="ml-2">
                  {c.statement}
                </Link>
                <p className="muted text-sm">
                  {c.disputes > 0 ? `${plural(c.disputes, 'party', 'parties')} disputing · ` : ''}
                  {c.articleTitle}
                  {c.demo ? <DemoLabel className="ml-2" /> : null}
                </p>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
