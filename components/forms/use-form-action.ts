'use client';

import { useActionState } from 'react';
import { submittedValues } from '@/lib/form-values';
import { dropDraft, keepDraft, sendingDraft, useDraftKey } from './drafts';
import type { ActionState } from '@/lib/server/action';

type FormAction = (previous: unknown, form: FormData) => Promise<ActionState<unknown>>;

/** What a form says when the connection dropped before its save was answered (the save may or may not have arrived); the form keeps what was typed, as after a refusal. */
export const NOT_CONFIRMED =
  'Not confirmed: the connection dropped before the server answered, so this may not have been saved. What you typed is still here. Check the connection and reload this page in another tab: press the button again only if what you sent is not there.';

/**
 * useActionState for a form of a server action, with a save that never reaches the server (a
 * dropped connection: fetch's TypeError) answered like a refusal, with the typed values, instead of
 * thrown: thrown, it replaced the page with app/edit/error.tsx and the form, and what was typed in
 * it, was gone. On the server the action is passed as it is, so the form still posts before the
 * page's scripts have run. With `draft`, what was sent also outlives the page (drafts.tsx: a reload,
 * a proxy's error page) until the server confirms the save; the form draws <DraftRestored draft=…>.
 */
export function useFormAction(action: FormAction, permalink?: string, { draft: name }: { draft?: string } = {}) {
  // Kept under the signed-in user's id too (drafts.tsx): none outside the workspace.
  const draft = useDraftKey(name);
  const guarded: FormAction =
    typeof window === 'undefined'
      ? action
      : async (previous, form) => {
          // With `draft` (the form's name in the tab, drafts.tsx): what is sent is kept in the tab until the server answers
          // (a refusal puts the values back into the form itself, as before).
          const values = submittedValues(form);
          const sent = draft ? sendingDraft(draft) : null;
          if (draft) keepDraft(draft, values);
          try {
            const answer = await action(previous, form);
            if (draft) dropDraft(draft);
            return answer;
          } catch (error) {
            if (!(error instanceof TypeError)) throw error;
            return { ok: false, code: 'unavailable', message: NOT_CONFIRMED, fieldErrors: {}, values };
          } finally {
            sent?.();
          }
        };
  return useActionState(guarded, { ok: true } as ActionState<unknown>, permalink);
}
