import { z } from 'zod';
import { emptyOr, fetchUrl, formKey, httpUrl, limitedText, optionalText } from '@/lib/form-fields';
import { ARTICLE_HTML, ARTICLE_TEXT } from '@/lib/limits';
import { isPublicationDate, PUBLICATION_RANGE_MESSAGE } from '@/lib/publication-date';

const metadata = {
  title: optionalText(300),
  outlet: optionalText(200),
  author: optionalText(200),
  publishedAt: z
    .union([z.literal(''), z.iso.date('Use a date like 2026-11-26.')])
    .default('')
    .transform((v) => (v ? new Date(`${v}T00:00:00Z`) : null))
    .refine((d) => d === null || isPublicationDate(d), PUBLICATION_RANGE_MESSAGE),
  canonicalUrl: emptyOr(httpUrl),
};

/**
 * The intake's two steps: `preview` extracts the text and answers with it (nothing is
 * stored); `create` stores it as paragraphs, less the paragraphs the editor removed.
 */
const intake = {
  /** The create step's one-time key, made with its preview: sent twice, it creates one article. */
  formKey,
  intent: z.enum(['preview', 'create']).default('create'),
  /** How the text marks paragraphs (lib/intake.ts); detected when absent. */
  paragraphs: z.enum(['line', 'blank']).optional(),
  /** The address the previewed text was fetched from (its create step posts the text): watched for the outlet's changes. */
  importedUrl: emptyOr(fetchUrl),
  /** Indexes of paragraphs to leave out, as the preview numbered them. */
  remove: z
    .preprocess((v) => (v === undefined || v === '' ? [] : ([] as unknown[]).concat(v)), z.array(z.coerce.number().int().min(0)).max(10_000))
    .default([]),
};

/** New article: pasted text, pasted HTML, or a URL to import. One schema for form and action. */
export const newArticleSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('text'), ...metadata, ...intake, text: limitedText(ARTICLE_TEXT, 'Paste the article text.') }),
  z.object({ mode: z.literal('html'), ...metadata, ...intake, html: limitedText(ARTICLE_HTML, 'Paste the article’s HTML.') }),
  z.object({ mode: z.literal('url'), ...metadata, ...intake, url: fetchUrl }),
]);
export type NewArticleInput = z.infer<typeof newArticleSchema>;

/** What the preview step shows: the text as extracted, how it marks paragraphs, and the page's own metadata. */
export type IntakePreview = {
  text: string;
  /** The fetched address of a URL import, '' otherwise. */
  importedUrl: string;
  paragraphs: 'line' | 'blank';
  title: string;
  outlet: string;
  author: string;
  /** YYYY-MM-DD, or '' when the page gives no usable date. */
  publishedAt: string;
  /** Why the page's own date was not taken, if it gave an impossible one. */
  publishedAtNote: string;
  canonicalUrl: string;
  /** The create step's one-time key (newFormKey). */
  formKey: string;
};
