'use client';

import { useActionState, useState } from 'react';
import { Field, FormMessage } from '@/components/forms/fields';
import { SubmitButton } from '@/components/forms/submit-button';
import { createArticleAction } from './actions';

const MODES = [
  { value: 'text', label: 'Paste text' },
  { value: 'html', label: 'Paste HTML' },
  { value: 'url', label: 'Import from a web address' },
] as const;
type Mode = (typeof MODES)[number]['value'];

export function NewArticleForm() {
  const [state, formAction] = useActionState(createArticleAction, { ok: true });
  const [chosen, setChosen] = useState<Mode | null>(null);
  const submitted = MODES.find((m) => !state.ok && m.value === state.values?.mode)?.value;
  const current = chosen ?? submitted ?? 'text';
  return (
    <form action={formAction} noValidate className="max-w-3xl">
      <FormMessage state={state} />
      <fieldset className="mb-5">
        <legend className="mb-2 text-sm font-semibold">How do you want to add it?</legend>
        <div className="flex flex-wrap gap-4">
          {MODES.map((m) => (
            <label key={m.value} className="inline-flex items-center gap-2">
              <input type="radio" name="mode" value={m.value} checked={current === m.value} onChange={() => setChosen(m.value)} />
              {m.label}
            </label>
          ))}
        </div>
      </fieldset>
      {current === 'text' ? (
        <Field label="Article text" name="text" multiline rows={14} hint="Paragraphs separated by a blank line." state={state} />
      ) : null}
      {current === 'html' ? (
        <Field label="Article HTML" name="html" multiline rows={14} hint="Scripts, styles and navigation are dropped; only the text is kept." state={state} />
      ) : null}
      {current === 'url' ? (
        <Field label="Web address" name="url" type="url" placeholder="https://…" hint="The page is fetched once and stored as text." state={state} />
      ) : null}
      <Field label="Headline" name="title" hint={current === 'text' ? undefined : 'Leave empty to use the page’s own title.'} state={state} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field label="Outlet" name="outlet" state={state} />
        <Field label="Author" name="author" state={state} />
        <Field label="Publication date" name="publishedAt" type="date" state={state} />
        <Field label="Canonical URL" name="canonicalUrl" type="url" state={state} />
      </div>
      <SubmitButton pendingText="Adding…">Add article</SubmitButton>
    </form>
  );
}
