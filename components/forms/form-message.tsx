'use client';

import { useEffect, useRef } from 'react';
import type { FormState } from './fields';

/** The form-level outcome: an alert on failure, a polite status on success. */
export function FormMessage({ state }: { state?: FormState }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const message = state?.message;
  useEffect(() => {
    // A form posted before the page's scripts ran comes back in a fresh page, where the <details>
    // the editor had opened around it is closed again: the outcome would be there, but unseen.
    const details = ref.current?.closest('details');
    if (message && details && !details.open) details.open = true;
  }, [message]);
  if (!message) return <div role="status" aria-live="polite" />;
  return state?.ok ? (
    <p ref={ref} role="status" aria-live="polite" className="mb-4 rounded border border-green-700 p-2 text-sm">
      {state.message}
    </p>
  ) : (
    <p ref={ref} role="alert" className="mb-4 rounded border border-red-700 p-2 text-sm text-red-800 dark:text-red-200">
      {state.message}
    </p>
  );
}
