import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { DemoLabel } from '@/components/demo-label';
import { JsonLd } from '@/components/json-ld';
import { OutletChangeNote } from '@/components/outlet-change-note';
import { StatusBadge } from '@/components/status-badge';
import { isDetached } from '@/lib/anchor';
import { claimReviewDocument } from '@/lib/claim-review';
import { formatDate, isoDate } from '@/lib/format';
import { parseId } from '@/lib/params';
import { articlePath, claimPath, oembedUrl, partyPath } from '@/lib/routes';
import { STATUS_INFO } from '@/lib/status';
import { readClaim, readExternalReviews, readWithdrawnClaim, toReviewedClaim } from '@/lib/server/reader';
import { publisher, siteUrl } from '@/lib/server/site';
import { AlsoCheckedBy } from './_components/also-checked-by';
import { Embed } from './_components/embed';
import { History } from './_components/history';
import { QuoteInContext } from './_components/quote-in-context';
import { ResponseList } from './_components/response-list';
import { SourceList } from './_components/source-list';
import { WithdrawnClaim } from './_components/withdrawn-claim';
import { quoted } from '@/lib/quotes';

type Props = { params: Promise<{ id: string; slug: string }> };

/** The published claim, or the public record of a withdrawn one (proxy.ts sends that page as 410 Gone). */
async function load(params: Props['params']) {
  const { id: rawId, slug } = await params;
  const id = parseId(rawId);
  const claim = id ? readClaim(id) : null;
  const withdrawn = id && !claim ? readWithdrawnClaim(id) : null;
  const found = claim ?? withdrawn;
  if (!found) notFound();
  if (claimPath(found) !== `/claims/${found.id}/${slug}`) permanentRedirect(claimPath(found));
  return { claim, withdrawn };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { claim, withdrawn } = await load(params);
  if (!claim) return { title: `Withdrawn: ${withdrawn!.statement}`, robots: { index: false } };
  const site = await siteUrl();
  const label = STATUS_INFO[claim.status].label;
  const description = `${label}: ${claim.statusNote || STATUS_INFO[claim.status].description}`;
  const image = { url: `${site}/claims/${claim.id}/share.png`, width: 1200, height: 630, alt: `${label}: ${quoted(claim.statement)}` };
  return {
    title: claim.statement,
    description,
    alternates: {
      canonical: `${site}${claimPath(claim)}`,
      types: {
        'application/atom+xml': `/claims/${claim.id}/feed.atom`,
        // oEmbed discovery: a site given this page's address finds its card (app/oembed).
        'application/json+oembed': [{ url: oembedUrl(site, `${site}${claimPath(claim)}`), title: `${label}: ${quoted(claim.statement)}` }],
      },
    },
    openGraph: {
      type: 'article',
      title: `${label}: ${quoted(claim.statement)}`,
      description,
      url: `${site}${claimPath(claim)}`,
      siteName: (await publisher()).name,
      images: [image],
      modifiedTime: isoDate(claim.updatedAt),
    },
    twitter: { card: 'summary_large_image', title: `${label}: ${quoted(claim.statement)}`, description, images: [image] },
  };
}

export default async function ClaimPage({ params }: Props) {
  const { claim, withdrawn } = await load(params);
  if (!claim) return <WithdrawnClaim claim={withdrawn!} />;
  const site = await siteUrl();
  const review = claimReviewDocument(toReviewedClaim(claim, site), await publisher());
  const corrected = claim.events.findLast((e) => e.kind === 'corrected');
  return (
    <article className="print-urls mx-auto max-w-4xl">
      {review ? <JsonLd data={review} /> : null}
      <header>
        <p className="muted flex flex-wrap items-center justify-between gap-2 text-sm">
          <span>
            {claim.article.outlet} · <Link href={articlePath(claim.article)}>{claim.article.title}</Link>
            {claim.article.publishedAt ? `, ${formatDate(claim.article.publishedAt)}` : ''}
          </span>
          {claim.article.demo ? <DemoLabel /> : null}
        </p>
        {/* On a phone the verdict leads, above the statement: beside it, it squeezed a long statement into a column of a few words. */}
        <div className="mt-4 flex flex-col items-start gap-3 sm:flex-row sm:gap-4">
          <StatusBadge status={claim.status} className="text-base" />
          <h1 className="flex-1 text-2xl font-bold leading-snug sm:text-3xl">{quoted(claim.statement)}</h1>
        </div>
        <p className="muted mt-2 text-sm">{STATUS_INFO[claim.status].description}</p>
        <p className="mt-3 text-sm">
          {claim.claimant ? (
            <>
              Claimed by <Link href={partyPath(claim.claimant)}>{claim.claimant.name}</Link> ·{' '}
            </>
          ) : null}
          in <Link href={articlePath(claim.article)}>{claim.article.title}</Link>
          {claim.article.publishedAt ? ` on ${formatDate(claim.article.publishedAt)}` : ''} · updated{' '}
          <time dateTime={isoDate(claim.updatedAt)}>{formatDate(claim.updatedAt)}</time>
          {corrected ? (
            <>
              {' · '}
              <Link href="/corrections" className="font-semibold">
                corrected on <time dateTime={isoDate(corrected.at)}>{formatDate(corrected.at)}</time>
              </Link>
            </>
          ) : null}
        </p>
      </header>

      <OutletChangeNote article={claim.article} change={claim.outletChange} />

      <section aria-labelledby="context-heading" className="panel mt-6 rounded-lg p-4">
        <h2 id="context-heading" className="text-sm font-semibold uppercase tracking-wide muted">
          In context
        </h2>
        <QuoteInContext claim={claim} body={claim.body} article={claim.article} />
        {isDetached(claim.anchorState) ? null : (
          <p className="mt-2 text-sm">
            <Link href={`${articlePath(claim.article)}#claim-${claim.id}`}>See it in the article</Link>
          </p>
        )}
      </section>

      {claim.statusNote ? (
        <section aria-labelledby="why-heading" className="mt-6">
          <h2 id="why-heading" className="text-lg font-semibold">
            {STATUS_INFO[claim.status].checkable ? 'Why this status' : 'Why no verdict'}
          </h2>
          <p className="mt-1 whitespace-pre-line">{claim.statusNote}</p>
        </section>
      ) : null}

      <div className="mt-8 grid grid-cols-1 gap-8 md:grid-cols-2">
        <ResponseList responses={claim.responses} />
        <SourceList claimId={claim.id} sources={claim.sources} />
      </div>

      <AlsoCheckedBy reviews={readExternalReviews(claim.id)} />

      <History events={claim.events} />

      {claim.appearances.length > 0 ? (
        <section aria-labelledby="appeared-heading" className="mt-8">
          <h2 id="appeared-heading" className="text-lg font-semibold">
            Also appeared in
          </h2>
          <ul className="mt-2 list-disc pl-5">
            {claim.appearances.map((a) => (
              <li key={a.slug}>
                <Link href={articlePath(a)}>{a.title}</Link>
                <span className="muted">
                  {' '}
                  — {a.outlet}
                  {a.publishedAt ? `, ${formatDate(a.publishedAt)}` : ''}
                  {isDetached(a.anchorState) ? ' (no longer in that article)' : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <Embed claimUrl={`${site}${claimPath(claim)}`} badgeUrl={`${site}/claims/${claim.id}/badge.svg`} status={claim.status} />
      <p className="no-print mt-6 text-sm">
        <a href={`/claims/${claim.id}/feed.atom`}>Follow this claim (Atom feed)</a>
      </p>
    </article>
  );
}
