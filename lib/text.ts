/**
 * Article text normalisation. Every body is stored in this form so that positions
 * (UTF-16 code units) mean the same thing in the browser, the server and SQLite.
 */

// Characters no text field keeps: C0 and C1 controls but tab, newline and carriage return
// (line ends are normalised where they matter), Unicode non-characters (U+FDD0..U+FDEF and the
// last two code points of every plane), and surrogates not in a pair (the `u` flag matches a
// surrogate on its own only when it is unpaired). XML 1.0 forbids most of these outright, and
// the rest are not text anyone typed.
const UNSAFE = /[\0-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\p{Cs}\u{fdd0}-\u{fdef}\u{fffe}\u{ffff}\u{1fffe}\u{1ffff}\u{2fffe}\u{2ffff}\u{3fffe}\u{3ffff}\u{4fffe}\u{4ffff}\u{5fffe}\u{5ffff}\u{6fffe}\u{6ffff}\u{7fffe}\u{7ffff}\u{8fffe}\u{8ffff}\u{9fffe}\u{9ffff}\u{afffe}\u{affff}\u{bfffe}\u{bffff}\u{cfffe}\u{cffff}\u{dfffe}\u{dffff}\u{efffe}\u{effff}\u{ffffe}\u{fffff}\u{10fffe}\u{10ffff}]/gu;

/**
 * Text safe to store and to write into any format (XML, JSON, CSV, HTML): NFC, with
 * controls, non-characters and unpaired surrogates removed. Vertical tab, form feed and
 * NEXT LINE (U+0085) separate lines or pages in pasted text, so they become newlines.
 */
export function safeText(input: string): string {
  return input.replace(/[\v\f\x85]/g, '\n').replace(UNSAFE, '').normalize('NFC');
}

/** Text for HTML or XML markup, as text in an element or a quoted attribute: safeText, with & < > " escaped. */
export const escapeMarkup = (text: string) =>
  safeText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** NFC, `\n` line ends, no trailing spaces, paragraphs separated by exactly one blank line. */
export function normalizeBody(input: string): string {
  return safeText(input)
    // A byte-order mark copied from a file is not text (and would shift every position by one).
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v\u00a0]+$/u, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

/** Single-line text (titles, names, statements): NFC, inner whitespace collapsed, trimmed. */
export function normalizeLine(input: string): string {
  return safeText(input).replace(/\s+/gu, ' ').trim();
}

export type Paragraph = { start: number; end: number };

/** The paragraphs of a normalised body as [start, end) ranges. */
export function paragraphs(body: string): Paragraph[] {
  const result: Paragraph[] = [];
  let start = 0;
  while (start <= body.length) {
    const gap = body.indexOf('\n\n', start);
    const end = gap === -1 ? body.length : gap;
    if (end > start) result.push({ start, end });
    if (gap === -1) break;
    start = gap + 2;
  }
  return result;
}

/** A URL-safe slug: ASCII letters and digits joined by hyphens, at most `max` characters. */
export function slugify(input: string, max = 60): string {
  const slug = input
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
  return slug || 'item';
}

