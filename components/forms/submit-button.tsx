'use client';

import { useFormStatus } from 'react-dom';

export const buttonClass =
  'inline-flex items-center rounded bg-[var(--link)] px-4 py-2 font-semibold text-white disabled:opacity-60 dark:text-black';

/** A submit button that shows the form is being saved. */
export function SubmitButton({ children, pendingText = 'Saving…' }: { children: React.ReactNode; pendingText?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={buttonClass} disabled={pending} aria-disabled={pending}>
      {pending ? pendingText : children}
    </button>
  );
}
