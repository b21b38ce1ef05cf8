'use client';

import { useActionState } from 'react';
import { submittedValues } from '@/lib/form-values';
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
            return { ok: false, code: 'unavailable', message: NOT_CONFIRMED, fieldErrors: {}, values: submittedValues(form) };
          }
        };
  return useActionState(guarded, { ok: true } as ActionState<unknown>, permalink);
}
