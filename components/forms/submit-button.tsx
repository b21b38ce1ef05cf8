'use client';

import { useFormStatus } from 'react-dom';

export const buttonClass =
  'inline-flex items-center rounded bg-[var(--link)] px-4 py-2 font-semibold text-white disabled:opacity-60 dark:text-black';

/** For an action that removes something for good (deleting, withdrawing). */
export const dangerButtonClass =
  'inline-flex items-center rounded bg-red-700 px-4 py-2 font-semibold text-white disabled:opacity-60 dark:bg-red-300 dark:text-black';

/** A submit button that shows the form is being saved. */
export function SubmitButton({ children, pendingText = 'Saving…', danger = false }: { children: React.ReactNode; pendingText?: string; danger?: boolean }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={danger ? dangerButtonClass : buttonClass} disabled={pending} aria-disabled={pending}>
      {pending ? pendingText : children}
    </button>
  );
}
