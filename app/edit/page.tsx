import Link from 'next/link';
import { redirect } from 'next/navigation';
import { DemoLabel } from '@/components/demo-label';
import { Pager } from '@/components/pager';
import { StatusTally } from '@/components/status-tally';
import { countArticles, listArticlesForEditor } from '@/db/queries/editor';
import { listSourcesNeedingAttention } from '@/db/queries/snapshots';
import { listPendingRevisions } from '@/db/queries/watches';
import { SourcesNeedingAttention } from './_components/sources-needing-attention';
import { formatDate, formatDateTime, plural } from '@/lib/format';
import { pageHref, resolvePage } from '@/lib/paging';
import { requirePageUser } from '@/lib/server/session';

const PATH = '/edit';
// Each article's claims are counted for the page shown: a newsroom with thousands of articles gets pages of them.
const PAGE_SIZE = 50;

export default async function EditorHome({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('editor');
  const shown = resolvePage((await searchParams).page, countArticles(), PAGE_SIZE);
  if (shown.redirect) redirect(pageHref(PATH, {}, 'page', shown.page));
  const articles = listArticlesForEditor({ limit: PAGE_SIZE, offset: shown.offset });
  const attention = listSourcesNeedingAttention();
  const changes = listPendingRevisions();
  return (
    <div>
      {changes.length > 0 ? (
        <section aria-labelledby="outlet-changes-heading" className="panel mb-6 rounded-lg border-l-4 border-l-amber-600 p-4">
          <h2 id="outlet-changes-heading" className="font-semibold">
            Articles the outlet changed ({changes.length})
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {changes.map((c) => (
              <li key={c.id}>
                <Link href={`/edit/articles/${c.articleId}/outlet-change`}>{c.title}</Link>{' '}
                <span className="muted">(found {formatDateTime(c.detectedAt)})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <SourcesNeedingAttention sources={attention} />
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">
          Articles{shown.pages > 1 ? <span className="muted text-base font-normal"> {shown.first}–{shown.last} of {shown.total}</span> : null}
        </h1>
        <Link href="/edit/articles/new" className="rounded bg-[var(--link)] px-4 py-2 font-semibold text-white no-underline dark:text-black">
          New article
        </Link>
      </div>
      {articles.length === 0 ? <p className="muted">No articles yet. Start with “New article”.</p> : null}
      <ul className="space-y-3">
        {articles.map((a) => (
          <li key={a.id} className="panel rounded-lg p-4">
            <h2 className="font-semibold">
              <Link href={`/edit/articles/${a.id}`}>{a.title}</Link>
              {a.demo ? <DemoLabel className="ml-2" /> : null}
            </h2>
            <p className="muted text-sm">
              {a.outlet ? `${a.outlet} · ` : ''}added {formatDate(a.createdAt)} · {plural(a.total, 'claim')}
              {a.drafts ? ` (${a.drafts} draft${a.drafts === 1 ? '' : 's'})` : ''}
            </p>
            <p className="mt-2 flex flex-wrap gap-2 text-sm">
              <StatusTally counts={a.byStatus} />
            </p>
            {a.fuzzy || a.orphaned || a.overdue ? (
              <p className="mt-2 text-sm font-semibold text-amber-800 dark:text-amber-300">
                {a.fuzzy || a.orphaned ? <Link href={`/edit/articles/${a.id}/review`}>Needs review</Link> : 'Needs review'}:{' '}
                {[
                  a.fuzzy ? `${a.fuzzy} moved passage${a.fuzzy === 1 ? '' : 's'}` : '',
                  a.orphaned ? `${a.orphaned} lost passage${a.orphaned === 1 ? '' : 's'}` : '',
                  a.overdue ? `${a.overdue} overdue repl${a.overdue === 1 ? 'y' : 'ies'}` : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <Pager window={shown} label="Pages of articles" rel={false} href={(p) => pageHref(PATH, {}, 'page', p)} />
    </div>
  );
}
