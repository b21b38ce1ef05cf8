'use client';

import { useActionState } from 'react';
import { submittedValues } from '@/lib/form-values';
import type { ActionState } from '@/lib/server/action';

type FormAction = (previous: unknown, form: FormData) => Promise<ActionState<unknown>>;

/** What a form says when its save never reached the server; the form keeps what was typed, as after a refusal. */
export const NOT_SENT =
  'Not sent: the connection dropped before this reached the server, so nothing of it was saved. What you typed is still here: check the connection, then press the button again.';

/**
 * useActionState for a form of a server action, with a save that never reaches the server (a
 * dropped connection: fetch's TypeError) answered like a refusal, with the typed values, instead of
 * thrown: thrown, it replaced the page with app/edit/error.tsx and the form, and what was typed in
 * it, was gone. On the server the action is passed as it is, so the form still posts before the
 * page's scripts have run.
 */
export function useFormAction(action: FormAction, permalink?: string) {
  const guarded: FormAction =
    typeof window === 'undefined'
      ? action
      : async (previous, form) => {
          try {
            return await action(previous, form);
          } catch (error) {
            if (!(error instanceof TypeError)) throw error;
            return { ok: false, code: 'unavailable', message: NOT_SENT, fieldErrors: {}, values: submittedValues(form) };
          }
        };
  return useActionState(guarded, { ok: true } as ActionState<unknown>, permalink);
}
