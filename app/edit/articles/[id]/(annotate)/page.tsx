import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ResponsesSection } from '@/app/edit/claims/[id]/_components/responses-section';
import { SourcesSection } from '@/app/edit/claims/[id]/_components/sources-section';
import { SuggestedStatus } from '@/app/edit/claims/[id]/_components/suggested-status';
import { getArticleForEditor, getClaimForEditor, type EditorArticle } from '@/db/queries/annotator';
import { listParties } from '@/db/queries/parties';
import { findSimilarClaims } from '@/db/queries/similar';
import { signOffRequired } from '@/db/queries/workflow';
import { createAnchor } from '@/lib/anchor';
import { newFormKey } from '@/lib/form-fields';
import { formatDate } from '@/lib/format';
import { parseId } from '@/lib/params';
import { claimPath } from '@/lib/routes';
import { requirePageUser } from '@/lib/server/session';
import { STATUS_INFO } from '@/lib/status';
import { WORKFLOW_LABELS } from '@/lib/workflow';
import { WorkflowControls } from '../../../_components/workflow-controls';
import { RefreshWhenBodyStale } from './_components/body-freshness';
import { ClaimEditorForm } from './_components/claim-editor-form';
import { ClaimLifecycle } from './_components/claim-lifecycle';
import { CreateClaimForm } from './_components/create-claim-form';
import { SavedNotice } from './_components/saved-notice';
import { SimilarClaims } from './_components/similar-claims';
import { PASSAGE_MAX, passageTooLong } from './schema';
import { bodySignature } from './signature';

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: 'Annotate article' };

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);
const offset = (v: string | undefined) => (v && /^\d{1,9}$/.test(v) ? Number(v) : null);

/**
 * The annotator's claim panel (the article text, suggestions and claim list are in the layout). What it
 * shows lives in the URL (?claim=ID, or ?start=&end= for a new claim), so back,
 * forward and links work.
 */
export default async function AnnotatorPage({ params, searchParams }: Props) {
  const user = await requirePageUser('editor');
  const articleId = parseId((await params).id);
  const article = articleId ? getArticleForEditor({ id: articleId }) : undefined;
  if (!article) notFound();
  const query = await searchParams;
  const claimId = parseId(one(query.claim) ?? '');
  const start = offset(one(query.start));
  const end = offset(one(query.end));
  const passage = start !== null && end !== null ? createAnchor(article.body, start, end) : null;
  return (
    <>
      <RefreshWhenBodyStale signature={bodySignature(article.claims)} />
      <ClaimPanel article={article} claimId={claimId} passage={passage} userId={user.id} />
    </>
  );
}

function ClaimPanel({
  article,
  claimId,
  passage,
  userId,
}: {
  article: EditorArticle;
  claimId: number | null;
  passage: ReturnType<typeof createAnchor>;
  userId: string;
}) {
  const parties = listParties();
  const signOff = signOffRequired();
  if (passage && passage.exact.length > PASSAGE_MAX) {
    // Said before any typing: the create form would only be refused on saving.
    return (
      <section className="panel rounded-lg p-4">
        <h2 className="text-lg font-semibold">Passage too long</h2>
        <p role="alert" className="mt-2 text-sm">
          {passageTooLong(passage.exact.length)}
        </p>
        <p className="mt-3 text-sm">
          <Link href={`/edit/articles/${article.id}`} scroll={false}>
            Cancel
          </Link>
        </p>
      </section>
    );
  }
  if (passage) {
    const selection = { articleId: article.id, start: passage.start, end: passage.end, exact: passage.exact };
    return (
      <section className="panel rounded-lg p-4">
        <CreateClaimForm key={`${passage.start}-${passage.end}`} passage={selection} parties={parties} formKey={newFormKey()} />
        <SimilarClaims passage={selection} claims={findSimilarClaims({ text: passage.exact, articleId: article.id })} />
      </section>
    );
  }
  const claim = claimId ? getClaimForEditor({ id: claimId }) : undefined;
  if (!claim) {
    return (
      <section className="panel rounded-lg p-4">
        <h2 className="text-lg font-semibold">No claim open</h2>
        <p className="muted text-sm">Select a passage to create a claim, accept a suggestion, or open a claim from the list.</p>
      </section>
    );
  }
  return (
    <section className="panel rounded-lg p-4">
      <p className="muted mb-2 text-sm">
        Claim {claim.id} · version {claim.version} · saved {formatDate(claim.updatedAt)}
        {claim.published ? (
          <>
            {' · '}
            <Link href={claimPath(claim)}>public page</Link>
          </>
        ) : null}
      </p>
      <blockquote className="mb-3 border-l-4 border-[var(--link)] pl-3 font-serif">{claim.anchorExact}</blockquote>
      {claim.withdrawnAt ? null : (
        <SavedNotice key={claim.id} version={claim.version} updatedAt={claim.updatedAt}>
          <ClaimEditorForm
            key={`${claim.id}:${claim.version}`}
            claim={claim}
            parties={parties}
            statusHint={<SuggestedStatus claimId={claim.id} status={claim.status} />}
            signOffRequired={signOff}
          />
        </SavedNotice>
      )}
      <div className="mt-4 border-t border-[var(--rule)] pt-3">
        <p className="text-sm">
          Workflow: <strong>{WORKFLOW_LABELS[claim.workflow]}</strong>
          {claim.pendingStatus ? ` · change to ${STATUS_INFO[claim.pendingStatus].label} waiting for review` : ''}
        </p>
        {claim.withdrawnAt ? null : (
          <WorkflowControls claim={claim} me={userId} signOffRequired={signOff} />
        )}
      </div>
      <div className="mt-4">
        <ClaimLifecycle key={claim.version} claim={claim} />
      </div>
      {/* Saving a source or response does not change the claim's version, so the form above keeps any typing. */}
      <SourcesSection claimId={claim.id} />
      <ResponsesSection claimId={claim.id} />
    </section>
  );
}
