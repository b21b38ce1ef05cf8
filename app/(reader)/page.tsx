import Link from 'next/link';
import { connection } from 'next/server';
import { StatusBadge } from '@/components/status-badge';
import { formatDate, plural } from '@/lib/format';
import { articlePath, claimPath } from '@/lib/routes';
import { STATUSES } from '@/lib/status';
import { readHome } from '@/lib/server/reader';

export default async function HomePage() {
  // Rendered per request from the runtime database, never at build time.
  await connection();
  const { articles, recent } = readHome();
  return (
    <div className="grid gap-10 lg:grid-cols-[2fr_1fr]">
      <section aria-labelledby="articles-heading">
        <h1 id="articles-heading" className="mb-4 text-2xl font-bold">
          Articles
        </h1>
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
                </h2>
                <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
                  <span className="muted">{plural(a.total, 'claim')}</span>
                  {STATUSES.filter((s) => a.statusCounts[s] > 0).map((s) => (
                    <span key={s} className="inline-flex items-center gap-1">
                      <StatusBadge status={s} />
                      <span>× {a.statusCounts[s]}</span>
                    </span>
                  ))}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading" className="mb-4 text-xl font-bold">
          Recently updated claims
        </h2>
        <ul className="space-y-3">
          {recent.map((c) => (
            <li key={c.id}>
              <StatusBadge status={c.status} />
              <Link href={claimPath(c)} className="ml-2">
                {c.statement}
              </Link>
              <p className="muted text-sm">
                {formatDate(c.updatedAt)} · {c.articleTitle}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
