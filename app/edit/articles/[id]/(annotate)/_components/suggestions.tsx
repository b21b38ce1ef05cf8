import { listDismissedSuggestions, type EditorArticle } from '@/db/queries/annotator';
import { newFormKey } from '@/lib/form-fields';
import { cached } from '@/lib/server/cache';
import { openSuggestions, suggestClaims } from '@/lib/suggest';
import { SuggestionItem } from './suggestion-item';

/** Sentences that look like claims and are not claimed or dismissed yet, best first. */
export function Suggestions({ article }: { article: EditorArticle }) {
  // A revision's text never changes, so neither do its candidate sentences (100-250 ms to find
  // in 50,000 words, on every write that re-renders the annotator).
  const candidates = cached(`suggestions:${article.revisionId}`, [], () => suggestClaims(article.body));
  const suggestions = openSuggestions(candidates, {
    claims: article.claims,
    dismissed: listDismissedSuggestions({ articleId: article.id }),
  });
  return (
    <section aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading" className="mb-2 text-lg font-semibold">
        Suggestions ({suggestions.length})
      </h2>
      {suggestions.length ? (
        <ul className="space-y-2">
          {suggestions.map((s) => (
            <SuggestionItem key={`${s.start}-${s.end}`} articleId={article.id} suggestion={s} formKey={newFormKey()} />
          ))}
        </ul>
      ) : (
        <p className="muted text-sm">No more suggested passages.</p>
      )}
    </section>
  );
}
