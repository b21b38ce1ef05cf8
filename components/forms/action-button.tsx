'use client';

import { useFormAction } from './use-form-action';
import type { ActionState } from '@/lib/server/action';

type Props = {
  action: (previous: unknown, form: FormData) => Promise<ActionState<unknown>>;
  /** Sent as hidden inputs: what the action acts on. */
  fields: Record<string, string | number>;
  /** The accessible name, e.g. "Remove source Annual traffic count". */
  label: string;
  /** The visible word, e.g. "Remove". */
  children: React.ReactNode;
  /** Removals are drawn in red. */
  danger?: boolean;
};

/** A one-click server action (remove, disable…) as a small form, with its error beside it. */
export function ActionButton({ action, fields, label, children, danger = false }: Props) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <form action={formAction} className="inline">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={danger ? 'text-sm text-red-800 underline dark:text-red-300' : 'underline'} disabled={pending} aria-label={label}>
        {children}
      </button>
      {!state.ok ? (
        <span role="alert" className="ml-2 text-sm text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
