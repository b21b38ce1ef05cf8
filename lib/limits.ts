import limits from './limits.cjs';

/** The size limits of large text fields (lib/limits.cjs, shared with next.config.js). */
export const { ARTICLE_TEXT_CHARS, ARTICLE_TEXT_BYTES, ARTICLE_HTML_BYTES, SERVER_ACTION_BODY_BYTES, FORM_OVERHEAD_BYTES } = limits;

/** A field's limit: characters (UTF-16 code units, as JavaScript counts them), UTF-8 bytes, or both. */
export type TextLimit = { chars?: number; bytes?: number };

export const ARTICLE_TEXT: TextLimit = { chars: ARTICLE_TEXT_CHARS, bytes: ARTICLE_TEXT_BYTES };
export const ARTICLE_HTML: TextLimit = { bytes: ARTICLE_HTML_BYTES };

/** The UTF-8 length of `text` without encoding it (a lone surrogate counts 3, as TextEncoder writes U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const count = (n: number) => n.toLocaleString('en');
const megabytes = (n: number) => `${(n / 1_000_000).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

/**
 * Why `text` is over `limit`, in the words a person sees beside the field, or null when it fits.
 * Bytes are only checked once the characters fit, so the message names the limit the person can act on.
 */
export function overLimit(text: string, limit: TextLimit): string | null {
  if (limit.chars !== undefined && text.length > limit.chars) {
    return `The text is ${count(text.length)} characters long; the limit is ${count(limit.chars)}. Remove what is not part of the article, or split it.`;
  }
  if (limit.bytes !== undefined && text.length > limit.bytes / 3) {
    const bytes = utf8Length(text);
    if (bytes > limit.bytes) return `This is ${megabytes(bytes)}; the limit is ${megabytes(limit.bytes)}. Paste only the article, not the whole page.`;
  }
  return null;
}
