'use client';

import { createContext, useContext, useEffect, useRef, useState } from 'react';

/**
 * What an editor sent from a form and got no answer for (the connection dropped, a proxy answered
 * with its 502 page, the page was reloaded while it was on its way), kept in the tab's
 * sessionStorage (per tab, gone when the tab closes; cleared on sign-out) so that a reload or the
 * error page does not lose it. Stored as the form is sent (useFormAction), dropped when the server
 * answers (a refusal shows the values in the form itself); the form's DraftRestored puts it back
 * when the form is drawn again while nothing of it is on its way.
 *
 * A draft is kept under its editor's user id as well as the form's name (DraftOwner, from the
 * workspace's layout): on a shared computer, a session that ran out with a draft in the tab and
 * the next person signing in there (no Sign out pressed) must not get the last one's text put back
 * into their form, and saved under their name. Editor pages drop other users' drafts as they are
 * drawn, and the sign-in page drops every draft.
 */
const PREFIX = 'claimline:draft:';
const sending = new Set<string>();

const storage = (): Storage | null => {
  try {
    return window.sessionStorage;
  } catch {
    // Storage switched off: a draft then lives as long as the page, as before.
    return null;
  }
};

const Owner = createContext<string | null>(null);

/** The workspace's signed-in user, whose drafts its forms keep; on mount, forgets the tab's drafts of anyone else. */
export function DraftOwner({ user, children }: { user: string | null; children: React.ReactNode }) {
  useEffect(() => {
    const kept = storage();
    if (!kept) return;
    const own = user === null ? null : `${PREFIX}${user}:`;
    for (const key of Object.keys(kept)) if (key.startsWith(PREFIX) && !(own && key.startsWith(own))) kept.removeItem(key);
  }, [user]);
  return <Owner.Provider value={user}>{children}</Owner.Provider>;
}

/** The storage key of the form `draft`'s draft for the signed-in user; none (nothing kept) outside the workspace or when no form name is given. */
export function useDraftKey(draft: string | undefined): string | undefined {
  const user = useContext(Owner);
  return draft && user !== null ? `${user}:${draft}` : undefined;
}

/** On the sign-in page: forgets every draft of the tab (whoever signs in next is not the one who typed them). */
export function DropAllDrafts() {
  useEffect(dropAllDrafts, []);
  return null;
}

export function keepDraft(key: string, values: Record<string, string>): void {
  try {
    storage()?.setItem(PREFIX + key, JSON.stringify(values));
  } catch {
    // Over the tab's quota (a 2 MB article twice): not kept, the save itself goes on.
  }
}

export function dropDraft(key: string): void {
  storage()?.removeItem(PREFIX + key);
}

/** Forgets every kept draft of this tab (signing out: the next person at this computer must not see them). */
export function dropAllDrafts(): void {
  const kept = storage();
  if (!kept) return;
  for (const key of Object.keys(kept)) if (key.startsWith(PREFIX)) kept.removeItem(key);
}

function readDraft(key: string): Record<string, string> | null {
  try {
    const value: unknown = JSON.parse(storage()?.getItem(PREFIX + key) ?? 'null');
    return value && typeof value === 'object' ? (value as Record<string, string>) : null;
  } catch {
    return null;
  }
}

/** Marks a form's draft as on its way (not to be put back while it is): call the function it returns when the answer is in. */
export function sendingDraft(key: string): () => void {
  sending.add(key);
  return () => sending.delete(key);
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
const controls = (form: HTMLFormElement) =>
  [...form.elements].filter((e): e is Control => (e instanceof HTMLInputElement || e instanceof HTMLTextAreaElement || e instanceof HTMLSelectElement) && !!e.name);

/** Puts the values back into the form's fields; returns the hidden fields' own values, which Discard puts back. */
function fill(form: HTMLFormElement, values: Record<string, string>): Record<string, string> {
  const hidden: Record<string, string> = {};
  for (const control of controls(form)) {
    if (control instanceof HTMLInputElement && (control.type === 'file' || control.type === 'password' || control.type === 'submit')) continue;
    if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')) {
      control.checked = values[control.name] === control.value;
    } else if (control.name in values) {
      if (control instanceof HTMLInputElement && control.type === 'hidden') hidden[control.name] = control.value;
      control.value = values[control.name]!;
    }
  }
  return hidden;
}

/** The form as drawn: its fields' defaults, and its hidden fields' values from before fill(). */
function restore(form: HTMLFormElement, hidden: Record<string, string>) {
  form.reset();
  for (const control of controls(form)) if (control.name in hidden) control.value = hidden[control.name]!;
}

/**
 * Inside a form whose useFormAction keeps drafts under `draft`: when the form is drawn and the
 * tab holds a draft of it not on its way, puts it back into the fields (the hidden ones too: the
 * version the typing began on, the create form's one-time key, so a save that did arrive is
 * neither overwritten unseen nor made twice) and says so, with Discard. `skip`: the form shows
 * newer typing of its own.
 */
export function DraftRestored({ draft: name, skip = false }: { draft: string; skip?: boolean }) {
  const draft = useDraftKey(name);
  const ref = useRef<HTMLDivElement>(null);
  const hidden = useRef<Record<string, string>>({});
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    const form = ref.current?.closest('form');
    const values = skip || !draft || sending.has(draft) ? null : readDraft(draft);
    if (!form || !values) return;
    hidden.current = fill(form, values);
    const details = form.closest('details');
    if (details) details.open = true;
    // Shown once the fields hold the draft: drawn by the server, the form had the saved values.
    setRestored(true);
    // Read once, as the form is drawn: what is typed afterwards is the form's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const discard = () => {
    if (draft) dropDraft(draft);
    const form = ref.current?.closest('form');
    if (form) restore(form, hidden.current);
    setRestored(false);
  };
  return (
    <div ref={ref}>
      {restored ? (
        <div role="status" className="mb-4 rounded border border-amber-600 p-2 text-sm">
          <p>
            Put back from this tab: what you sent from this form last got no confirmed answer, so it may not have been saved. Check the page, then save it again,
            or discard it.
          </p>
          <button type="button" onClick={discard} className="mt-2 rounded border border-[var(--rule)] px-3 py-1 font-semibold">
            Discard what was put back
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** The workspace's Sign out: it also forgets the tab's kept drafts (a shared computer's next person signs in in this tab). */
export function SignOutForm({ action }: { action: () => Promise<void> }) {
  return (
    <form action={action} onSubmit={dropAllDrafts}>
      <button type="submit" className="underline">
        Sign out
      </button>
    </form>
  );
}
