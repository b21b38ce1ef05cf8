'use client';

import { startTransition, useEffect, useMemo, useRef, useState } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { Field, FormMessage, type FormState } from '@/components/forms/fields';
import { RadioGroup } from '@/components/forms/radio-group';
import { buttonClass } from '@/components/forms/submit-button';
import { plural } from '@/lib/format';
import { chromeCandidates, splitParagraphs, type ParagraphBreaks } from '@/lib/intake';
import { quoted } from '@/lib/quotes';
import { createArticleAction } from './actions';
import type { IntakePreview } from './schema';

const BREAKS: { value: ParagraphBreaks; label: string }[] = [
  { value: 'line', label: 'Each line is a paragraph' },
  { value: 'blank', label: 'Blank lines separate paragraphs' },
];

/** A paragraph as the name of its button: short enough to read out, long enough to tell apart. */
const excerpt = (p: string) => quoted(p.length > 60 ? `${p.slice(0, 59)}…` : p);

/**
 * The preview step: the paragraphs exactly as they will be stored, lines that look like
 * the web page's furniture marked with a Remove button each (nothing is removed unless
 * chosen), and the article's details, filled in from the page where it had them.
 * Without JavaScript the form posts to `action` (the source step's, whose answer draws the page
 * again), so a refusal comes back as `refused`; removing lines and changing how paragraphs are
 * split need the page's scripts.
 */
export function IntakePreviewStep({
  preview,
  onBack,
  action,
  refused,
}: {
  preview: IntakePreview;
  onBack: () => void;
  action: (form: FormData) => void;
  refused?: FormState;
}) {
  const [answer, create, creating] = useFormAction(createArticleAction);
  const created = answer.ok && refused ? refused : answer;
  const [breaks, setBreaks] = useState<ParagraphBreaks>(preview.paragraphs);
  const [removed, setRemoved] = useState<ReadonlySet<number>>(new Set());
  const heading = useRef<HTMLHeadingElement>(null);
  const paragraphs = useMemo(() => splitParagraphs(preview.text, breaks), [preview.text, breaks]);
  const candidates = useMemo(() => chromeCandidates(paragraphs), [paragraphs]);
  const offered = useMemo(() => new Set(candidates.map((c) => c.index)), [candidates]);
  const otherBreaks = useMemo(() => splitParagraphs(preview.text, breaks === 'line' ? 'blank' : 'line').length, [preview.text, breaks]);
  const textErrors = created.ok ? [] : Object.entries(created.fieldErrors ?? {}).filter(([name]) => ['text', 'html', 'url'].includes(name));

  useEffect(() => heading.current?.focus(), []);

  const toggle = (index: number) =>
    setRemoved((current) => {
      const next = new Set(current);
      if (!next.delete(index)) next.add(index);
      return next;
    });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    for (const index of removed) data.append('remove', String(index));
    startTransition(() => create(data));
  }

  const kept = paragraphs.length - removed.size;
  return (
    <form action={action} onSubmit={onSubmit} noValidate aria-labelledby="preview-heading">
      {/* The text as previewed and how it was read, and the key the page drew: sent with the details. */}
      <input type="hidden" name="mode" value="text" />
      <input type="hidden" name="intent" value="create" />
      <input type="hidden" name="text" value={preview.text} />
      <input type="hidden" name="importedUrl" value={preview.importedUrl} />
      <input type="hidden" name="formKey" value={preview.formKey} />
      <input type="hidden" name="paragraphs" value={breaks} />
      <h2 id="preview-heading" ref={heading} tabIndex={-1} className="mb-1 text-xl font-semibold">
        Check the paragraphs
      </h2>
      <p className="muted mb-3 text-sm">
        This is the text as it will be stored: {plural(kept, 'paragraph')}, {plural(paragraphs.reduce((n, p, i) => n + (removed.has(i) ? 0 : p.length), 0), 'character')}.
        Nothing is stored until you create the article.
      </p>
      <FormMessage state={created} />
      {textErrors.length ? (
        <p className="mb-3 text-sm text-red-700 dark:text-red-300">{textErrors.flatMap(([, errors]) => errors ?? []).join(' ')}</p>
      ) : null}
      {otherBreaks !== paragraphs.length ? (
        <RadioGroup
          legend="Paragraphs"
          name="breaks"
          options={BREAKS}
          value={breaks}
          className="mb-4"
          onChange={(value) => {
            setBreaks(value);
            setRemoved(new Set());
          }}
        />
      ) : null}
      {candidates.length ? (
        <div className="panel mb-3 rounded p-3 text-sm">
          <p>
            {candidates.length === 1 ? 'One line looks' : `${candidates.length} lines look`} like part of the web page rather than the
            article (marked below). Remove the ones that are; everything else is kept as it is.
          </p>
          {candidates.length > 1 ? (
            <button
              type="button"
              className="mt-2 underline"
              onClick={() => setRemoved((current) => new Set([...current, ...offered]))}
              disabled={candidates.every((c) => removed.has(c.index))}
            >
              Remove all {candidates.length} marked lines
            </button>
          ) : null}
        </div>
      ) : null}
      <p role="status" aria-live="polite" className="sr-only">
        {removed.size ? `${plural(removed.size, 'line')} removed` : ''}
      </p>
      {paragraphs.length > 20 ? (
        <p className="mb-2 text-sm">
          <a href="#article-details">Skip to the article details</a>
        </p>
      ) : null}
      <ol aria-label="Paragraphs as they will be stored" className="mb-5 space-y-2 rounded border border-[var(--rule)] p-3 font-serif">
        {paragraphs.map((p, index) => {
          const isRemoved = removed.has(index);
          const marked = offered.has(index);
          return (
            <li
              key={index}
              className={`whitespace-pre-line ${marked ? 'rounded border border-dashed border-amber-600 px-2 py-1 dark:border-amber-400' : ''}`}
            >
              {isRemoved ? (
                <del className="muted" dir="auto">
                  {p}
                </del>
              ) : (
                <span dir="auto">{p}</span>
              )}
              {marked || isRemoved ? (
                <span className="ml-2 inline-flex items-center gap-2 font-sans text-sm">
                  {isRemoved ? <span className="muted">Removed</span> : <span className="muted">Not part of the article?</span>}
                  <button type="button" className="underline" aria-label={`${isRemoved ? 'Put back' : 'Remove'} ${excerpt(p)}`} onClick={() => toggle(index)}>
                    {isRemoved ? 'Put back' : 'Remove'}
                  </button>
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
      <h3 id="article-details" tabIndex={-1} className="mb-2 text-lg font-semibold">
        Article details
      </h3>
      <Field label="Headline" name="title" defaultValue={preview.title} state={created} hint={preview.title ? 'From the page; change it if needed.' : undefined} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field label="Outlet" name="outlet" defaultValue={preview.outlet} state={created} />
        <Field label="Author" name="author" defaultValue={preview.author} state={created} />
        <Field
          label="Publication date"
          name="publishedAt"
          type="date"
          defaultValue={preview.publishedAt}
          hint={preview.publishedAtNote || undefined}
          state={created}
        />
        <Field label="Canonical URL" name="canonicalUrl" type="url" defaultValue={preview.canonicalUrl} state={created} />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className={buttonClass} disabled={creating} aria-disabled={creating}>
          {creating ? 'Creating…' : 'Create article'}
        </button>
        <button type="button" className="underline" onClick={onBack}>
          Back to the text
        </button>
      </div>
    </form>
  );
}
