'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/server/action';

type Props = {
  action: (previous: unknown, form: FormData) => Promise<ActionState<unknown>>;
  fields: Record<string, string | number>;
  /** The accessible name, e.g. "Remove source Annual traffic count". */
  label: string;
};

/** A one-click removal through a server action, with its error beside it. */
export function RemoveButton({ action, fields, label }: Props) {
  const [state, formAction, pending] = useActionState(action, { ok: true });
  return (
    <form action={formAction} className="inline">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="text-sm text-red-800 underline dark:text-red-300" disabled={pending} aria-label={label}>
        Remove
      </button>
      {!state.ok ? (
        <span role="alert" className="ml-2 text-sm text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
