'use client';

import { useId, useRef } from 'react';
import { useFormAction } from './use-form-action';
import type { ActionState } from '@/lib/server/action';
import { Field, FormMessage } from './fields';
import { SubmitButton } from './submit-button';

type Props = {
  action: (previous: unknown, form: FormData) => Promise<ActionState<unknown>>;
  fields: Record<string, string | number>;
  /** The button that opens the confirmation, e.g. "Delete claim…". */
  opener: string;
  title: string;
  /** What will happen, in a sentence or two. */
  children: React.ReactNode;
  confirm: string;
  pendingText: string;
  /** A required text the person writes in the dialog (e.g. the public note of a withdrawal). */
  note?: { name: string; label: string; hint: string };
};

/**
 * A destructive action behind a confirmation: a modal dialog (Escape or Cancel closes it and
 * focus returns to the opener) with a sentence saying what will happen, then the action's own
 * form. Errors appear inside the dialog, with anything typed kept.
 */
export function ConfirmAction({ action, fields, opener, title, children, confirm, pendingText, note }: Props) {
  const [state, formAction] = useFormAction(action);
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  return (
    <>
      <button
        type="button"
        className="rounded border border-red-700 px-3 py-1 text-sm font-semibold text-red-800 dark:border-red-300 dark:text-red-300"
        aria-haspopup="dialog"
        onClick={() => dialog.current?.showModal()}
      >
        {opener}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-[var(--rule)] bg-[var(--page-bg)] p-5 text-[var(--page-fg)] backdrop:bg-black/50"
      >
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        <div className="mt-2 text-sm">{children}</div>
        <form action={formAction} className="mt-4" noValidate>
          <FormMessage state={state} />
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {note ? <Field label={note.label} name={note.name} hint={note.hint} multiline rows={3} required state={state} /> : null}
          <div className="flex flex-wrap gap-3">
            <button type="button" className="rounded border border-[var(--rule)] px-4 py-2 font-semibold" onClick={() => dialog.current?.close()} autoFocus>
              Cancel
            </button>
            <SubmitButton pendingText={pendingText} danger>
              {confirm}
            </SubmitButton>
          </div>
        </form>
      </dialog>
    </>
  );
}
