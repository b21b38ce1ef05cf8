'use client';

import { useEffect, useId, useRef, useState } from 'react';
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

// Whether this browser opens and closes dialogs from HTML alone (commandfor/command): then nothing
// here waits for the page's scripts, and a press before they ran still asks before it deletes.
const invokerCommands = () => typeof HTMLButtonElement !== 'undefined' && 'command' in HTMLButtonElement.prototype;

/**
 * A destructive action behind a confirmation: a modal dialog (Escape or Cancel closes it and
 * focus returns to the opener) with a sentence saying what will happen, then the action's own
 * form. Errors appear inside the dialog, with anything typed kept; a dialog closed and opened
 * again starts without the earlier error. The buttons open and close it through HTML's invoker
 * commands, so it works before the page's scripts have run (and without them); the form then posts
 * as a plain form, and a refusal comes back with the dialog open on it.
 */
export function ConfirmAction({ action, fields, opener, title, children, confirm, pendingText, note }: Props) {
  const [state, formAction] = useFormAction(action);
  // The outcome shown when the dialog was last closed: opened again, it is not shown again.
  const [dismissed, setDismissed] = useState<unknown>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const reopening = useRef(false);
  const id = useId();
  const current = state === dismissed ? undefined : state;
  const refused = current !== undefined && !current.ok;

  useEffect(() => {
    // A refusal drawn by the server (a form posted before the scripts ran) is an open, non-modal
    // dialog: made modal, so focus stays in it and Escape closes it.
    const element = dialog.current;
    if (!refused || !element?.open || element.matches(':modal')) return;
    reopening.current = true;
    element.close();
    element.showModal();
  }, [refused]);

  return (
    <>
      <button
        type="button"
        className="rounded border border-red-700 px-3 py-1 text-sm font-semibold text-red-800 dark:border-red-300 dark:text-red-300"
        aria-haspopup="dialog"
        {...{ commandfor: id, command: 'show-modal' }}
        onClick={() => {
          if (!invokerCommands()) dialog.current?.showModal();
        }}
      >
        {opener}
      </button>
      <dialog
        ref={dialog}
        id={id}
        open={refused || undefined}
        aria-labelledby={`${id}-title`}
        onClose={() => {
          if (reopening.current) reopening.current = false;
          else setDismissed(state);
        }}
        // A refusal drawn without scripts is an open dialog that is not modal: absolutely placed, 32rem
        // wide, it overflowed the claim panel (a narrower scrolling column) and was cut off on the right.
        // Then it sits in the page's flow instead, as wide as the column around it.
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-[var(--rule)] bg-[var(--page-bg)] p-5 text-[var(--page-fg)] backdrop:bg-black/50 [&:not(:modal)]:static [&:not(:modal)]:my-3 [&:not(:modal)]:w-auto [&:not(:modal)]:max-w-full"
      >
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        <div className="mt-2 text-sm">{children}</div>
        <form action={formAction} className="mt-4" noValidate>
          <FormMessage state={current} />
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {note ? (
            <Field label={note.label} name={note.name} hint={note.hint} multiline rows={3} required state={current ?? { ok: true, values: state.ok ? undefined : state.values }} />
          ) : null}
          <div className="flex flex-wrap gap-3">
            <button
              type="button"
              className="rounded border border-[var(--rule)] px-4 py-2 font-semibold"
              {...{ commandfor: id, command: 'close' }}
              onClick={() => {
                if (!invokerCommands()) dialog.current?.close();
              }}
              autoFocus
            >
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
