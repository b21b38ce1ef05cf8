'use server';

import { createArticle } from '@/db/queries/articles';
import { fieldError } from '@/lib/errors';
import { once, firstResult, keyUsed } from '@/db/queries/form-submissions';
import { dayValue, httpUrl, newFormKey } from '@/lib/form-fields';
import { assembleBody, detectParagraphBreaks, splitParagraphs } from '@/lib/intake';
import { importedPublicationDate } from '@/lib/publication-date';
import { action } from '@/lib/server/action';
import { tags } from '@/lib/server/cache';
import { env } from '@/lib/server/env';
import { htmlToArticle, type ExtractedArticle } from '@/lib/server/html-to-text';
import { hasVisibleText, normalizeBody } from '@/lib/text';
import { checkedBody, checkedPublicationDate, fetchArticle } from '../article-import';
import { newArticleSchema, type IntakePreview, type NewArticleInput } from './schema';

/** The article's text and whatever metadata the source itself offers. */
async function extract(input: NewArticleInput): Promise<{ field: string; found: ExtractedArticle; url?: string }> {
  if (input.mode === 'text') {
    return { field: 'text', found: { title: '', byline: '', siteName: '', publishedAt: '', body: normalizeBody(input.text) } };
  }
  if (input.mode === 'html') return { field: 'html', found: htmlToArticle(input.html) };
  const { url, ...found } = await fetchArticle(input.url);
  return { field: 'url', found, url };
}

/**
 * The fetched address, offered as the article's canonical one only when the canonical field would
 * take it: an import from an IP address or a local name (which the fetcher may be allowed to read)
 * left a value in the form that its own create step refused, with a message about what the editor
 * had typed when they had typed nothing.
 */
const readerAddress = (url: string | undefined) => (url && httpUrl.safeParse(url).success ? url : undefined);

/**
 * Preview: the extracted text for the editor to check, nothing stored. Create: the text as
 * paragraphs (as the preview showed them), less the paragraphs the editor removed.
 */
export const createArticleAction = action({
  role: 'editor',
  schema: newArticleSchema,
  run: async (input, user): Promise<{ preview: IntakePreview } | { preview?: undefined; id: number }> => {
    const { formKey, ...sent } = input;
    const submission = { key: formKey, form: 'article', actorId: user.id, sent };
    // Sent again after its answer was lost: the article made the first time, without fetching the page again.
    const first = input.intent === 'create' ? firstResult<{ id: number }>(submission) : undefined;
    if (first) return { id: first.id };
    const { field, found, url } = await extract(input);
    const text = checkedBody(field, found.body);
    const breaks = input.paragraphs ?? detectParagraphBreaks(text);
    if (input.intent === 'preview') {
      // An impossible date on the page is left for the editor to enter, with the reason beside the field.
      const pageDate = importedPublicationDate(found.publishedAt);
      const preview = {
        text,
        paragraphs: breaks,
        title: input.title || found.title,
        outlet: input.outlet || found.siteName,
        author: input.author || found.byline,
        publishedAt: dayValue(input.publishedAt ?? ('date' in pageDate ? pageDate.date : null)),
        publishedAtNote: 'error' in pageDate ? pageDate.error : '',
        canonicalUrl: input.canonicalUrl || readerAddress(url) || '',
        importedUrl: url ?? '',
        // The key the page drew, kept through every preview of this form (a preview sent again, Back to the text):
        // the same form's article is saved once however often it was previewed. A key already spent is the page
        // the browser kept after its article was made (its Back button): this preview is of the next article.
        formKey: formKey && !keyUsed({ key: formKey }) ? formKey : newFormKey(),
      };
      return { preview };
    }
    const paragraphs = splitParagraphs(text, breaks);
    if (input.remove.some((i) => i >= paragraphs.length)) throw fieldError(field, 'The text changed after its preview. Preview it again.');
    const body = assembleBody(paragraphs, new Set(input.remove));
    if (!hasVisibleText(body)) throw fieldError(field, 'Every paragraph was removed. Put back the article’s text.');
    const title = input.title || found.title;
    if (!title) throw fieldError('title', 'Give the article its headline.');
    const watched = url || input.importedUrl;
    return once(submission, () => ({ id: createArticle({
      title,
      outlet: input.outlet || found.siteName,
      author: input.author || found.byline,
      publishedAt: input.publishedAt ?? checkedPublicationDate(found.publishedAt),
      canonicalUrl: input.canonicalUrl || readerAddress(url) || null,
      body,
      actorId: user.id,
      // Fetched again on a schedule; what the editor removed as page furniture is removed from every fetch.
      watch: watched ? { url: watched, removedParagraphs: input.remove.map((i) => paragraphs[i]!), schedule: env.CLAIMLINE_WATCH_SCHEDULE } : undefined,
    }).id }));
  },
  tags: (result) => (result.preview ? [] : [tags.lists]),
  redirectTo: (result) => (result.preview ? null : `/edit/articles/${result.id}`),
  data: (result) => result.preview,
});
