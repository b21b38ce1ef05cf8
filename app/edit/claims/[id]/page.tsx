/*
 * A standalone editor page for one claim: a read-only summary, the suggested
 * status, and the sources and responses sections. The annotator's claim panel
 * embeds the same sections; each is a server component that loads its own data:
 *   <SuggestedStatus claimId={id} status={status} />   beside the status field
 *   <SourcesSection claimId={id} />
 *   <ResponsesSection claimId={id} />   (optional `openResponse`: the response whose edit form the server draws open; `now` for tests)
 * Their actions (./_components/*-actions.ts) check the editor role themselves,
 * move the claim's updated_at but NOT its version, so an open claim form does
 * not conflict because a source or response was saved beside it.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DemoLabel } from '@/components/demo-label';
import { StatusBadge } from '@/components/status-badge';
import { getClaimSummary } from '@/db/queries/editor';
import { formatDate } from '@/lib/format';
import { parseId } from '@/lib/params';
import { claimPath } from '@/lib/routes';
import { requirePageUser } from '@/lib/server/session';
import { ResponsesSection } from './_components/responses-section';
import { SourcesSection } from './_components/sources-section';
import { SuggestedStatus } from './_components/suggested-status';
import { quoted } from '@/lib/quotes';

export const metadata: Metadata = { title: 'Claim' };

export default async function EditClaimPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ response?: string | string[] }> }) {
  await requirePageUser('editor');
  const id = parseId((await params).id);
  const { response } = await searchParams;
  const claim = id ? getClaimSummary({ id }) : undefined;
  if (!claim) notFound();
  return (
    <div className="max-w-3xl">
      <p className="muted text-sm">
        <Link href={`/edit/articles/${claim.articleId}`}>{claim.articleTitle}</Link>
        {claim.demo ? <DemoLabel className="ml-2" /> : null}
      </p>
      <h1 className="mt-1 text-2xl font-bold">{quoted(claim.statement)}</h1>
      <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
        <StatusBadge status={claim.status} />
        {claim.claimantName ? <span>Claimed by {claim.claimantName}</span> : null}
        <span className="muted">
          {claim.published ? 'Published' : 'Draft'} · updated {formatDate(claim.updatedAt)}
        </span>
        {claim.published ? <Link href={claimPath(claim)}>Reader page</Link> : null}
      </p>
      {claim.statusNote ? <p className="mt-2 text-sm whitespace-pre-line">{claim.statusNote}</p> : null}
      <div className="mt-3">
        <SuggestedStatus claimId={claim.id} status={claim.status} />
      </div>
      <SourcesSection claimId={claim.id} />
      <ResponsesSection claimId={claim.id} openResponse={typeof response === 'string' ? (parseId(response) ?? undefined) : undefined} />
    </div>
  );
}
