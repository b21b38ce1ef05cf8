import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FilterSelect } from '@/components/forms/filter-select';
import { formatDate, plural } from '@/lib/format';
import { parseId } from '@/lib/params';
import { diffRevisions, diffSummary, foldUnchanged } from '@/lib/revision-diff';
import { articlePath } from '@/lib/routes';
import { readRevisionComparison } from '@/lib/server/reader';
import { DiffView } from '@/components/diff-view';

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ from?: string | string[]; to?: string | string[] }>;
};

const idParam = (value: string | string[] | undefined) =>
  typeof value === 'string' ? (parseId(value) ?? undefined) : undefined;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const comparison = readRevisionComparison((await params).slug);
  return comparison ? { title: `Changes to “${comparison.article.title}”`, robots: { index: false } } : {};
}

export default async function ArticleChangesPage({ params, searchParams }: Props) {
  const query = await searchParams;
  const comparison = readRevisionComparison((await params).slug, idParam(query.from), idParam(query.to));
  if (!comparison) notFound();
  const { article, revisions, from, to } = comparison;
  const diff = diffRevisions(from.body, to.body);
  const summary = diffSummary(diff);
  const label = (r: { number: number; createdAt: Date }) => `Revision ${r.number}, ${formatDate(r.createdAt)}`;
  const choices = revisions.map((r) => ({ value: r.id, label: label(r) }));

  return (
    <article className="mx-auto max-w-3xl">
      <header className="mb-6">
        <p className="muted text-sm">
          <Link href={articlePath(article)}>{article.title}</Link> · {article.outlet}
        </p>
        <h1 className="mt-1 text-3xl font-bold leading-tight">Changes to the article</h1>
        {revisions.length < 2 ? (
          <p className="mt-2">This article has not been revised since it was first recorded.</p>
        ) : (
          <>
            <p className="mt-2">
              {label(from)} compared with {label(to)}:{' '}
              {from.id === to.id
                ? 'the same revision.'
                : `${plural(summary.added, 'word')} added, ${plural(summary.removed, 'word')} removed.`}
            </p>
            <form method="get" className="panel mt-4 flex flex-wrap items-end gap-3 rounded-lg p-3 text-sm">
              <FilterSelect label="Older revision" name="from" value={from.id} options={choices} />
              <FilterSelect label="Newer revision" name="to" value={to.id} options={choices} />
              <button type="submit" className="rounded border border-[var(--rule)] px-3 py-1 font-semibold">
                Compare
              </button>
            </form>
            <p className="muted mt-3 text-sm">
              <del className="line-through">Struck-through words</del> were removed;{' '}
              <ins className="underline decoration-2">underlined words</ins> were added.
            </p>
          </>
        )}
      </header>
      {revisions.length < 2 ? null : <DiffView items={foldUnchanged(diff)} />}
    </article>
  );
}
