import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { ActionButton } from '@/components/forms/action-button';
import { StatusBadge } from '@/components/status-badge';
import { countExternalReviews, listExternalReviews, type ExternalReviewRow } from '@/db/queries/external-reviews';
import { pageHref, resolvePage } from '@/lib/paging';
import { Pager } from '@/components/pager';
import { formatDate, isoDate } from '@/lib/format';
import { quoted } from '@/lib/quotes';
import { externalHref } from '@/lib/routes';
import { requirePageUser } from '@/lib/server/session';
import { decideExternalMatchAction, removeExternalReviewAction } from './actions';
import { ImportForms } from './import-forms';
import { MatchForm } from './match-form';

export const metadata: Metadata = { title: 'Other fact-checks' };

const PATH = '/edit/external-reviews';

const STATE_LABEL = { suggested: 'to decide', confirmed: 'confirmed', rejected: 'not this claim' } as const;

function Review({ review }: { review: ExternalReviewRow }) {
  const href = externalHref(review.reviewUrl);
  return (
    <li className="panel rounded-lg p-4">
      <p>
        <strong>{review.organisation}</strong>: {review.rating}
        {review.datePublished ? (
          <span className="muted">
            {' '}
            · <time dateTime={isoDate(review.datePublished)}>{formatDate(review.datePublished)}</time>
          </span>
        ) : null}
      </p>
      <p className="mt-1">
        {quoted(review.claimReviewed)}
        {review.claimant ? <span className="muted"> — {review.claimant}</span> : null}
      </p>
      <p className="mt-1 text-sm">
        {href ? (
          <a href={href} rel="noopener noreferrer nofollow">
            Their review
          </a>
        ) : (
          review.reviewUrl
        )}
      </p>
      <h3 className="mt-3 text-sm font-semibold">Similar claims here</h3>
      {review.matches.length === 0 ? <p className="muted text-sm">No similar claim found.</p> : null}
      <ul className="mt-1 space-y-2">
        {review.matches.map((m) => (
          <li key={m.claimId} className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <StatusBadge status={m.status} />
            <Link href={`/edit/claims/${m.claimId}`}>{quoted(m.statement)}</Link>
            {m.published ? null : <span className="muted text-sm">(draft)</span>}
            <span className="muted text-sm">{STATE_LABEL[m.state]}</span>
            {m.state !== 'confirmed' ? (
              <ActionButton
                action={decideExternalMatchAction}
                fields={{ reviewId: review.id, claimId: m.claimId, version: m.version, decision: 'confirm' }}
                label={`Confirm: ${review.organisation} checked ${quoted(m.statement)}`}
              >
                Same claim
              </ActionButton>
            ) : null}
            {m.state !== 'rejected' ? (
              <ActionButton
                action={decideExternalMatchAction}
                fields={{ reviewId: review.id, claimId: m.claimId, version: m.version, decision: 'reject' }}
                label={`Reject: ${review.organisation} did not check ${quoted(m.statement)}`}
              >
                {m.state === 'confirmed' ? 'Undo: not this claim' : 'Not this claim'}
              </ActionButton>
            ) : null}
          </li>
        ))}
      </ul>
      <MatchForm reviewId={review.id} organisation={review.organisation} claimReviewed={review.claimReviewed} />
      {review.matches.some((m) => m.state === 'confirmed') ? null : (
        // A div, not a p: the parser ends a p at a form's start tag, and the tree React then
        // hydrates is not the one it rendered, so it renders the whole page again in the browser.
        <div className="mt-2">
          <ActionButton
            action={removeExternalReviewAction}
            fields={{ reviewId: review.id }}
            label={`Remove ${review.organisation}’s review of ${quoted(review.claimReviewed)}`}
            danger
          >
            Remove this review
          </ActionButton>
        </div>
      )}
    </li>
  );
}

const PAGE_SIZE = 25;
// Each section pages on its own, so deciding on page 3 of one keeps the other where it was.
const SECTIONS = [
  { open: true, param: 'open', heading: 'To decide', empty: 'Nothing waiting.' },
  { open: false, param: 'decided', heading: 'Decided', empty: 'None yet.' },
] as const;

export default async function ExternalReviewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('editor');
  const query = await searchParams;
  const sections = SECTIONS.map((section) => ({ ...section, window: resolvePage(query[section.param], countExternalReviews(section), PAGE_SIZE) }));
  const pages = Object.fromEntries(sections.map((s) => [s.param, s.window.page > 1 ? s.window.page : undefined]));
  if (sections.some((s) => s.window.redirect)) redirect(pageHref(PATH, pages, '', 1));
  return (
    <div>
      <h1 className="mb-2 text-2xl font-bold">Other fact-checks</h1>
      <p className="muted mb-4 max-w-3xl text-sm">
        Import other fact-checkers’ ClaimReviews. Each is matched to similar claims here; once you confirm a match, the claim’s page
        shows “Also checked by” with their rating. Their ratings never change our own status.
      </p>
      <ImportForms />
      {sections.map((section) => {
        const reviews = listExternalReviews({ open: section.open, limit: PAGE_SIZE, offset: section.window.offset });
        const id = `${section.param}-heading`;
        return (
          <section key={section.param} aria-labelledby={id} className="mt-8">
            <h2 id={id} className="mb-2 text-xl font-semibold">
              {section.heading} ({section.window.total})
            </h2>
            {section.window.total === 0 ? <p className="muted">{section.empty}</p> : null}
            <ul className="space-y-3">
              {reviews.map((r) => (
                <Review key={r.id} review={r} />
              ))}
            </ul>
            <Pager window={section.window} label={`Pages of ${section.heading.toLowerCase()}`} rel={false} href={(p) => `${pageHref(PATH, pages, section.param, p)}#${id}`} />
          </section>
        );
      })}
    </div>
  );
}
