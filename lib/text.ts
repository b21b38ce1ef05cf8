/**
 * Article text normalisation. Every body is stored in this form so that positions
 * (UTF-16 code units) mean the same thing in the browser, the server and SQLite.
 */

/** NFC, `\n` line ends, no trailing spaces, paragraphs separated by exactly one blank line. */
export function normalizeBody(input: string): string {
  return input
    // A byte-order mark copied from a file is not text (and would shift every position by one).
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
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
  return input.normalize('NFC').replace(/\s+/gu, ' ').trim();
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

