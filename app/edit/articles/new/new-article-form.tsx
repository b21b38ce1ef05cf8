'use client';

import { startTransition, useEffect, useRef, useState } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { Field, type FormState } from '@/components/forms/fields';
import { RadioGroup } from '@/components/forms/radio-group';
import { sizeCheck } from '@/components/forms/size-check';
import { buttonClass } from '@/components/forms/submit-button';
import { ARTICLE_HTML, ARTICLE_TEXT } from '@/lib/limits';
import { createArticleAction } from './actions';
import { IntakePreviewStep } from './intake-preview';
import type { IntakePreview } from './schema';

const MODES = [
  {
    value: 'text',
    label: 'Paste text',
    field: 'text',
    fieldLabel: 'Article text',
    hint: 'Paste it as copied from the page: one line per paragraph or blank lines between them. You check the paragraphs before anything is stored.',
  },
  {
    value: 'html',
    label: 'Paste HTML',
    field: 'html',
    fieldLabel: 'Article HTML',
    hint: 'The page’s source. Scripts, styles and navigation are dropped; only the text is kept.',
  },
  { value: 'url', label: 'Import from a web address', field: 'url', fieldLabel: 'Web address', hint: 'The page is fetched once and stored as text.' },
] as const;
type Mode = (typeof MODES)[number]['value'];
const isMode = (value: unknown): value is Mode => MODES.some((m) => m.value === value);

const LIMITS = { text: ARTICLE_TEXT, html: ARTICLE_HTML };

/**
 * New article in two steps: the text as pasted (or a page's HTML, or its address), then a
 * preview of the paragraphs as they will be stored, where page furniture can be removed.
 * The pasted text stays in its (hidden) field through the preview, so "Back" finds it as typed.
 * Without JavaScript both steps post to this form's action: the preview comes back as the page's
 * answer, and so does a refused create step (drawn again from what it sent, with the reasons).
 * `formKey`, drawn with the page, goes with the preview to the create step: sent twice, one article.
 */
export function NewArticleForm({ formKey }: { formKey: string }) {
  const [previewed, requestPreview, previewing] = useFormAction(createArticleAction);
  const [mode, setMode] = useState<Mode>('text');
  const [tooLarge, setTooLarge] = useState<FormState | null>(null);
  // A failed answer is shown until the editor changes mode: errors then belong to a field no longer shown.
  const [dismissed, setDismissed] = useState<unknown>(null);
  const sourceRef = useRef<HTMLFormElement>(null);
  const preview = previewed.ok ? (previewed.data as IntakePreview | undefined) : sentBack(previewed.values);
  // Shown at once when the page is the answer to a post made without JavaScript.
  const [showing, setShowing] = useState(() => (preview ? 1 : 0));
  const inPreview = showing > 0 && !previewing && preview !== undefined;
  const sourceState: FormState | undefined = tooLarge ?? (previewed.ok || previewed === dismissed ? undefined : previewed);

  useEffect(() => {
    // A mode chosen before the page's script ran is only in the DOM (the radios are uncontrolled): show its field.
    const checked = sourceRef.current?.querySelector<HTMLInputElement>('input[name="mode"]:checked')?.value;
    if (isMode(checked)) setMode(checked);
  }, []);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const chosen = data.get('mode');
    if (!isMode(chosen)) return;
    setMode(chosen);
    // Only the chosen source is sent: a text kept in another mode's field would only add to the body's size.
    for (const m of MODES) if (m.value !== chosen) data.delete(m.field);
    const source = MODES.find((m) => m.value === chosen)!;
    const over = chosen === 'url' ? null : sizeCheck(data, { [source.field]: { label: source.fieldLabel, limit: LIMITS[chosen] } });
    setTooLarge(over);
    if (over) return;
    data.set('intent', 'preview');
    startTransition(() => requestPreview(data));
    setShowing((n) => n + 1);
  }

  function back() {
    setShowing(0);
    // Back where the text was pasted, with what was typed still there.
    const field = MODES.find((m) => m.value === mode)!.field;
    requestAnimationFrame(() => sourceRef.current?.querySelector<HTMLElement>(`[name="${field}"]`)?.focus());
  }

  return (
    <div className="max-w-3xl">
      <form ref={sourceRef} action={requestPreview} onSubmit={onSubmit} noValidate hidden={inPreview} aria-labelledby="source-heading">
        <h2 id="source-heading" className="sr-only">
          Article source
        </h2>
        <SourceMessage state={sourceState} shown={MODES.find((m) => m.value === mode)!.field} />
        <RadioGroup
          legend="How do you want to add it?"
          name="mode"
          options={MODES}
          defaultValue="text"
          onChange={(value) => {
            setMode(value);
            setTooLarge(null);
            setDismissed(previewed);
          }}
        />
        {MODES.map((m) => (
          <div key={m.value} hidden={mode !== m.value}>
            <Field
              label={m.fieldLabel}
              name={m.field}
              hint={m.hint}
              state={mode === m.value ? sourceState : undefined}
              {...(m.value === 'url' ? { type: 'url', placeholder: 'https://…' } : { multiline: true, rows: 14, dir: 'auto' })}
            />
          </div>
        ))}
        <input type="hidden" name="formKey" value={formKey} />
        {/* Sent by the button itself: a post without JavaScript asks for the preview, not the article. */}
        <button type="submit" name="intent" value="preview" className={buttonClass} disabled={previewing} aria-disabled={previewing}>
          {previewing ? (mode === 'url' ? 'Fetching the page…' : 'Reading the text…') : 'Preview paragraphs'}
        </button>
      </form>
      {inPreview ? <IntakePreviewStep key={showing} preview={preview} onBack={back} action={requestPreview} refused={previewed.ok ? undefined : previewed} /> : null}
    </div>
  );
}

/** A create step refused without JavaScript (its post came to the source step's action): its preview as sent. */
function sentBack(values: Record<string, string> | undefined): IntakePreview | undefined {
  if (values?.intent !== 'create' || !values.text) return undefined;
  const value = (name: string) => (values[name] ?? '').replace(/\r\n?/g, '\n');
  return {
    text: value('text'),
    importedUrl: value('importedUrl'),
    paragraphs: values.paragraphs === 'line' ? 'line' : 'blank',
    title: value('title'),
    outlet: value('outlet'),
    author: value('author'),
    publishedAt: value('publishedAt'),
    publishedAtNote: '',
    canonicalUrl: value('canonicalUrl'),
    formKey: value('formKey'),
  };
}

/** The source step's alert, naming every refused field (one hidden by a mode change included). */
function SourceMessage({ state, shown }: { state?: FormState; shown: string }) {
  if (!state?.message || state.ok) return <div role="status" aria-live="polite" />;
  const elsewhere = Object.entries(state.fieldErrors ?? {}).filter(([name, errors]) => name !== shown && errors?.length);
  return (
    <div role="alert" className="mb-4 rounded border border-red-700 p-2 text-sm text-red-800 dark:text-red-200">
      <p>{state.message}</p>
      {elsewhere.length ? (
        <ul className="mt-1 list-disc pl-5">
          {elsewhere.map(([name, errors]) => (
            <li key={name}>{errors!.join(' ')}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
