import Link from 'next/link';
import { DemoLabel } from '@/components/demo-label';
import { StatusTally } from '@/components/status-tally';
import { listArticlesForEditor } from '@/db/queries/editor';
import { formatDate, plural } from '@/lib/format';
import { requirePageUser } from '@/lib/server/session';

export default async function EditorHome() {
  await requirePageUser('editor');
  const articles = listArticlesForEditor();
  return (
    <div>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Articles</h1>
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
    </div>
  );
}
