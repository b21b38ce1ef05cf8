import { z } from 'zod';
import { isPublicationDate, PUBLICATION_RANGE_MESSAGE } from '@/lib/publication-date';

export const MAX_BODY_CHARS = 500_000;
const MAX_HTML_CHARS = 5_000_000;

const optionalText = (max: number) => z.string().trim().max(max, `At most ${max} characters.`).default('');
const httpUrl = z
  .url({ protocol: /^https?$/, message: 'Enter a full web address starting with http:// or https://.' })
  .max(2000);

const metadata = {
  title: optionalText(300),
  outlet: optionalText(200),
  author: optionalText(200),
  publishedAt: z
    .union([z.literal(''), z.iso.date('Use a date like 2026-11-26.')])
    .default('')
    .transform((v) => (v ? new Date(`${v}T00:00:00Z`) : null))
    .refine((d) => d === null || isPublicationDate(d), PUBLICATION_RANGE_MESSAGE),
  canonicalUrl: z.union([z.literal(''), httpUrl]).default(''),
};

/** New article: pasted text, pasted HTML, or a URL to import. One schema for form and action. */
export const newArticleSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('text'),
    ...metadata,
    title: z.string().trim().min(1, 'Give the article its headline.').max(300),
    text: z.string().trim().min(1, 'Paste the article text.').max(MAX_BODY_CHARS, `The text is longer than ${MAX_BODY_CHARS.toLocaleString('en')} characters.`),
  }),
  z.object({
    mode: z.literal('html'),
    ...metadata,
    html: z.string().trim().min(1, 'Paste the article’s HTML.').max(MAX_HTML_CHARS, 'That HTML is too large to import.'),
  }),
  z.object({ mode: z.literal('url'), ...metadata, url: httpUrl }),
]);
export type NewArticleInput = z.infer<typeof newArticleSchema>;
