import { ConfirmAction } from '@/components/forms/confirm-action';
import { quoted } from '@/lib/quotes';
import { deleteArticleAction } from '../lifecycle-actions';

/** Deleting an article pasted by mistake; offered only while no claim of it was ever published. */
export function DeleteArticle({ id, title }: { id: number; title: string }) {
  return (
    <ConfirmAction
      action={deleteArticleAction}
      fields={{ id }}
      opener="Delete article…"
      title="Delete this article?"
      confirm="Delete article"
      pendingText="Deleting…"
    >
      <p>
        {quoted(title)}, its revisions and its draft claims (with their sources cited, responses and history) are deleted. None of its
        claims was ever published. This cannot be undone.
      </p>
    </ConfirmAction>
  );
}
