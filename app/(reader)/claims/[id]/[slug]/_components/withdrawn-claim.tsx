import Link from 'next/link';
import { DemoLabel } from '@/components/demo-label';
import { StatusIcon } from '@/components/status-icon';
import { formatDate, isoDate } from '@/lib/format';
import { quoted } from '@/lib/quotes';
import { articlePath } from '@/lib/routes';
import type { readWithdrawnClaim } from '@/lib/server/reader';
import { History } from './history';

type Withdrawn = NonNullable<ReturnType<typeof readWithdrawnClaim>>;

/** What stays public of a withdrawn claim: what it said, where, why the newsroom withdrew it, and its history. */
export function WithdrawnClaim({ claim }: { claim: Withdrawn }) {
  return (
    <article className="mx-auto max-w-4xl">
      <header>
        <p className="muted text-sm">
          {claim.article.outlet ? `${claim.article.outlet} · ` : ''}
          <Link href={articlePath(claim.article)}>{claim.article.title}</Link>
          {claim.article.publishedAt ? `, ${formatDate(claim.article.publishedAt)}` : ''}
          {claim.article.demo ? <DemoLabel className="ml-2" /> : null}
        </p>
        <p className="badge status-retracted mt-4 text-base">
          <StatusIcon status="retracted" />
          Withdrawn
        </p>
        <h1 className="mt-3 text-2xl font-bold leading-snug sm:text-3xl">
          <span className="sr-only">Withdrawn claim: </span>
          {quoted(claim.statement)}
        </h1>
        <p className="mt-2 text-sm">
          The newsroom withdrew this claim on <time dateTime={isoDate(claim.withdrawnAt)}>{formatDate(claim.withdrawnAt)}</time>. It is no
          longer tracked or listed; this page keeps the record.
        </p>
      </header>
      <section aria-labelledby="withdrawn-heading" className="panel mt-6 rounded-lg p-4">
        <h2 id="withdrawn-heading" className="text-lg font-semibold">
          Why it was withdrawn
        </h2>
        <p className="mt-1 whitespace-pre-line">{claim.withdrawalNote}</p>
      </section>
      <History events={claim.events} />
    </article>
  );
}
