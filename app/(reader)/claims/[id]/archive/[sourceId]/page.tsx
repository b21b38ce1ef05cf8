import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { locateExcerpt, segmentBody } from '@/lib/anchor';
import { formatDate, isoDate } from '@/lib/format';
import { parseId } from '@/lib/params';
import { claimPath, externalHref } from '@/lib/routes';
import { quoted } from '@/lib/quotes';
import { readArchivedCopy } from '@/lib/server/reader';

type Props = { params: Promise<{ id: string; sourceId: string }> };

async function load(params: Props['params']) {
  const { id, sourceId } = await params;
  const claimId = parseId(id);
  const source = parseId(sourceId);
  const copy = claimId && source ? readArchivedCopy(claimId, source) : null;
  if (!copy) notFound();
  return copy;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { cited, snapshot } = await load(params);
  // A copy is evidence, not a page of ours to rank: search engines should send readers to the original.
  return { title: `Archived copy: ${cited.title}, ${formatDate(snapshot.fetchedAt)}`, robots: { index: false } };
}

/**
 * Claimline's stored copy of a source: only the text extracted when it was fetched (never the
 * page's HTML, scripts or images), labelled as a copy, with the excerpt the claim cites marked.
 */
export default async function ArchivedCopyPage({ params }: Props) {
  const { claim, cited, snapshot } = await load(params);
  const excerpt = locateExcerpt(snapshot.text, cited.excerpt);
  const paragraphs = segmentBody(snapshot.text, excerpt ? [{ id: 1, start: excerpt.start, end: excerpt.end }] : []);
  const original = externalHref(cited.url);
  return (
    <article className="mx-auto max-w-3xl">
      <header className="panel rounded-lg p-4">
        <p className="text-sm font-semibold uppercase tracking-wide">Archived copy</p>
        <h1 className="mt-1 text-2xl font-bold leading-snug">{snapshot.title || cited.title}</h1>
        <p className="mt-2 text-sm">
          This is the text Claimline stored when it fetched this source on{' '}
          <time dateTime={isoDate(snapshot.fetchedAt)}>{formatDate(snapshot.fetchedAt)}</time>, not the page itself: layout, images and
          links are left out, and the page may have changed since.
        </p>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
          <dt className="muted">Address</dt>
          <dd className="break-all">{original ? <a href={original} rel="noopener noreferrer nofollow">{cited.url}</a> : cited.url}</dd>
          {snapshot.finalUrl !== cited.url ? (
            <>
              <dt className="muted">Fetched from</dt>
              <dd className="break-all">{snapshot.finalUrl}</dd>
            </>
          ) : null}
          <dt className="muted">SHA-256</dt>
          <dd className="break-all font-mono text-xs">{snapshot.sha256}</dd>
        </dl>
        <p className="mt-3 text-sm">
          Cited by the claim <Link href={claimPath(claim)}>{quoted(claim.statement)}</Link>.
        </p>
      </header>
      {cited.excerpt ? (
        <p className="mt-4 text-sm">
          {excerpt ? (
            <a href="#cited">{excerpt.exact ? 'Jump to the cited excerpt' : 'Jump to the passage closest to the cited excerpt'}</a>
          ) : (
            'The cited excerpt was not found in this copy.'
          )}
        </p>
      ) : null}
      {snapshot.text ? (
        <div className="mt-6 font-serif text-lg leading-relaxed">
          {paragraphs.map((segments) => (
            <p key={segments[0]!.start} className="mb-5 whitespace-pre-line">
              {segments.map((segment) =>
                segment.spans.length ? (
                  <mark key={segment.start} id={segment.start === excerpt?.start ? 'cited' : undefined} className="archive-excerpt">
                    {segment.text}
                  </mark>
                ) : (
                  <span key={segment.start}>{segment.text}</span>
                ),
              )}
            </p>
          ))}
        </div>
      ) : (
        <p className="mt-6">
          {snapshot.contentType.startsWith('application/pdf')
            ? `This source is a PDF file; Claimline keeps its fingerprint (SHA-256 above) and size (${snapshot.size.toLocaleString('en')} bytes), not its text.`
            : 'No text could be extracted from this source.'}
        </p>
      )}
      {snapshot.textTruncated ? <p className="muted mt-4 text-sm">The copy stops here: the text was longer than Claimline stores.</p> : null}
    </article>
  );
}
