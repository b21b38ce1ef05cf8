'use client';

import { useFormAction } from '@/components/forms/use-form-action';
import { StatusBadge } from '@/components/status-badge';
import type { SimilarClaim } from '@/db/queries/similar';
import { quoted } from '@/lib/quotes';
import { linkAppearanceAction } from '../actions';

type Passage = { articleId: number; start: number; end: number; exact: string };

function LinkButton({ passage, claim }: { passage: Passage; claim: SimilarClaim }) {
  const [state, formAction, pending] = useFormAction(linkAppearanceAction);
  return (
    <form action={formAction} className="mt-1">
      {Object.entries({ ...passage, claimId: claim.id }).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="text-sm font-semibold underline" disabled={pending}>
        Link as another appearance of claim {claim.id}
      </button>
      {state.ok ? null : (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {[state.message, ...Object.values(state.fieldErrors).flat()].join(' ')}
        </p>
      )}
    </form>
  );
}

/** Claims already tracked in other articles that look like this passage: link instead of duplicating. */
export function SimilarClaims({ passage, claims }: { passage: Passage; claims: SimilarClaim[] }) {
  if (!claims.length) return null;
  return (
    <section aria-labelledby="similar-heading" className="mt-6">
      <h3 id="similar-heading" className="font-semibold">
        Already tracked elsewhere?
      </h3>
      <p className="muted mb-2 text-sm">If this passage makes one of these claims, link it instead of creating a duplicate.</p>
      <ul className="space-y-2">
        {claims.map((c) => (
          <li key={c.id} className="rounded border border-[var(--rule)] p-2">
            <p className="flex flex-wrap items-center gap-2 text-sm">
              <StatusBadge status={c.status} />
              <span className="muted">
                in {quoted(c.articleTitle)}{c.published ? '' : ' (draft)'}
              </span>
            </p>
            <p className="mt-1">{c.statement}</p>
            <LinkButton passage={passage} claim={c} />
          </li>
        ))}
      </ul>
    </section>
  );
}
