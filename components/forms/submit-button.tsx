'use client';

import { useFormStatus } from 'react-dom';

export const buttonClass =
  'inline-flex items-center rounded bg-[var(--link)] px-4 py-2 font-semibold text-white disabled:opacity-60 dark:text-black';

/** For an action that removes something for good (deleting, withdrawing). */
export const dangerButtonClass =
  'inline-flex items-center rounded bg-red-700 px-4 py-2 font-semibold text-white disabled:opacity-60 dark:bg-red-300 dark:text-black';

/** A submit button that shows the form is being saved; `name` and `value` tell the action which button it was. */
export function SubmitButton({
  children,
  pendingText = 'Saving…',
  danger = false,
  name,
  value,
  className = danger ? dangerButtonClass : buttonClass,
}: {
  children: React.ReactNode;
  pendingText?: string;
  danger?: boolean;
  name?: string;
  value?: string;
  className?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" name={name} value={value} className={className} disabled={pending} aria-disabled={pending}>
      {pending ? pendingText : children}
    </button>
  );
}
