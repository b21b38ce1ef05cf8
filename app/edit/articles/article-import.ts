import 'server-only';
import { fieldError } from '@/lib/errors';
import { importedPublicationDate } from '@/lib/publication-date';
import { htmlToArticle, type ExtractedArticle } from '@/lib/server/html-to-text';
import { SafeFetchError, safeFetch } from '@/lib/server/safe-fetch';
import { ARTICLE_HTML_BYTES, ARTICLE_TEXT, overLimit } from '@/lib/limits';
import { hasVisibleText } from '@/lib/text';

/**
 * An article's page fetched for import (new article or new revision), with its text
 * and metadata extracted; a refused or failed fetch is an error on the form's `url` field.
 */
export async function fetchArticle(url: string): Promise<ExtractedArticle & { url: string }> {
  try {
    const page = await safeFetch(url, { accept: ['text/html', 'application/xhtml+xml'], maxBytes: ARTICLE_HTML_BYTES });
    return { ...htmlToArticle(page.text, page.url), url: page.url };
  } catch (error) {
    if (error instanceof SafeFetchError) throw fieldError('url', error.message);
    throw error;
  }
}

/** The extracted text, or an error on `field` when none was found or it is too long to keep. */
export function checkedBody(field: string, body: string): string {
  if (!hasVisibleText(body)) throw fieldError(field, 'No article text was found there.');
  const tooLong = overLimit(body, ARTICLE_TEXT);
  if (tooLong) throw fieldError(field, tooLong);
  return body;
}

/** The publication date found on the page (or null); an impossible one is an error beside the date field, for the editor to enter. */
export function checkedPublicationDate(raw: string): Date | null {
  const found = importedPublicationDate(raw);
  if ('error' in found) throw fieldError('publishedAt', found.error);
  return found.date;
}
