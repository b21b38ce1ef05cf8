'use client';

import { useFormAction } from '@/components/forms/use-form-action';
import { useFormKey } from '@/components/forms/use-form-key';
import type { Suggestion } from '@/lib/suggest';
import { createClaimAction, dismissSuggestionAction } from '../actions';

/** One suggested passage with Accept (creates the claim) and Dismiss (remembered for this article). */
export function SuggestionItem({ articleId, suggestion, formKey }: { articleId: number; suggestion: Suggestion; /** One-time key of Accept (newFormKey). */ formKey: string }) {
  const [accepted, accept, accepting] = useFormAction(createClaimAction);
  const key = useFormKey(formKey, accepted);
  const [dismissed, dismiss, dismissing] = useFormAction(dismissSuggestionAction);
  const failed = !accepted.ok ? accepted : !dismissed.ok ? dismissed : null;
  const short = suggestion.exact.length > 90 ? `${suggestion.exact.slice(0, 87)}…` : suggestion.exact;
  return (
    <li className="rounded border border-[var(--rule)] p-2">
      <p className="font-serif">{suggestion.exact}</p>
      <p className="muted mt-1 text-xs">Cues: {suggestion.reasons.join(', ')}</p>
      <div className="mt-2 flex gap-3 text-sm">
        <form action={accept}>
          <input type="hidden" name="formKey" value={key} />
          <input type="hidden" name="articleId" value={articleId} />
          <input type="hidden" name="start" value={suggestion.start} />
          <input type="hidden" name="end" value={suggestion.end} />
          <input type="hidden" name="exact" value={suggestion.exact} />
          <button type="submit" className="font-semibold underline" disabled={accepting} aria-label={`Accept suggestion: ${short}`}>
            Accept
          </button>
        </form>
        <form action={dismiss}>
          <input type="hidden" name="articleId" value={articleId} />
          <input type="hidden" name="exact" value={suggestion.exact} />
          <button type="submit" className="underline" disabled={dismissing} aria-label={`Dismiss suggestion: ${short}`}>
            Dismiss
          </button>
        </form>
      </div>
      {failed ? (
        <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-300">
          {[failed.message, ...Object.values(failed.fieldErrors).flat()].join(' ')}
        </p>
      ) : null}
    </li>
  );
}
