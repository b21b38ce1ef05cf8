import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { DemoLabel } from '@/components/demo-label';
import { connection } from 'next/server';
import { PagePosition, Pager } from '@/components/pager';
import { StatusBadge } from '@/components/status-badge';
import { countCorrections, listCorrections } from '@/db/queries/corrections';
import { describeEvent, eventNote } from '@/lib/events';
import { formatDate, isoDate } from '@/lib/format';
import { pageHref, parsePageParam, resolvePage } from '@/lib/paging';
import { claimPath } from '@/lib/routes';
import { cached, tags } from '@/lib/server/cache';

const PATH = '/corrections';
// Every correction stays reachable, a page at a time: a newsroom corrects hundreds over the years.
const PAGE_SIZE = 50;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const asked = parsePageParam((await searchParams).page);
  const page = 'page' in asked && asked.page > 1 ? asked.page : null;
  return {
    title: page ? `Corrections, page ${page}` : 'Corrections',
    description: 'Every change to a published verdict, with the date and the reason.',
  };
}

export default async function CorrectionsPage({ searchParams }: Props) {
  await connection();
  const total = cached('corrections:count', [tags.lists], () => countCorrections());
  const shown = resolvePage((await searchParams).page, total, PAGE_SIZE);
  if (shown.redirect) redirect(pageHref(PATH, {}, 'page', shown.page));
  const corrections = cached(`corrections:${shown.offset}`, [tags.lists], () => listCorrections({ limit: PAGE_SIZE, offset: shown.offset }));
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold">Corrections</h1>
      <p className="muted mt-1 mb-6">When we change a verdict after publishing it, the change and its reason are listed here.</p>
      <PagePosition window={shown} order="newest first" />
      {corrections.length === 0 ? <p>No published verdict has been corrected.</p> : null}
      <ol className="space-y-4">
        {corrections.map((c) => (
          <li key={c.id} className="panel rounded-lg p-4">
            <p className="muted text-sm">
              <time dateTime={isoDate(c.at)}>{formatDate(c.at)}</time> · {c.articleTitle}
              {c.demo ? <DemoLabel className="ml-2" /> : null}
            </p>
            <p className="mt-1 font-semibold">
              <Link href={claimPath(c)}>{c.statement}</Link>
            </p>
            <p className="mt-1 text-sm">
              {describeEvent('corrected', c.before, c.after)} · now <StatusBadge status={c.status} />
            </p>
            {eventNote('corrected', c.after) ? <p className="mt-2">{eventNote('corrected', c.after)}</p> : null}
          </li>
        ))}
      </ol>
      <Pager window={shown} label="Pages of corrections" href={(p) => pageHref(PATH, {}, 'page', p)} />
    </div>
  );
}
