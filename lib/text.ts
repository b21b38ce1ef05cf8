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

/**
 * Whether `text` has a character a reader can see: not only white space, invisible format
 * characters (zero-width space and joiners, byte-order mark, direction marks, soft hyphen), which
 * an empty element copied from a web page leaves behind, and the other characters that draw
 * nothing (Unicode's default-ignorables: Hangul fillers, grapheme joiner, variation selectors) or
 * draw a blank (the empty Braille cell).
 */
export const hasVisibleText = (text: string) => /[^\s\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/u.test(text);

/**
 * Single-line text (titles, names, statements): NFC, inner whitespace collapsed, trimmed of white
 * space and of what draws nothing at an edge (EDGE_BLANK).
 */
export function normalizeLine(input: string): string {
  return balanceDirection(safeText(input)).replace(/\s+/gu, ' ').replace(EDGE_BLANK, '');
}

/**
 * White space and characters that draw nothing and mean nothing at a line's start or end: zero-width
 * space and joiners, word joiner, invisible operators, byte-order mark, soft hyphen, Mongolian vowel
 * separator, the Hangul fillers, the blank Braille cell. A name pasted with one of them (what an empty
 * element copied from a page leaves) was stored so, and the same name typed later made a second
 * party. Direction marks (LRM, RLM, ALM) stay: they decide where an edge's punctuation is drawn.
 * Variation selectors and tag characters stay: they end emoji and flags.
 */
const EDGE_BLANK = /^[\s\u00ad\u180e\u200b-\u200d\u2060-\u2064\u2800\u3164\uffa0\ufeff]+|[\s\u00ad\u180e\u200b-\u200d\u2060-\u2064\u2800\u3164\uffa0\ufeff]+$/gu;

const DIRECTION_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;

/**
 * Multi-line text with each line's direction controls balanced as in normalizeLine: a line of a
 * policy page with an override pasted along (U+202E, invisible) otherwise showed the rest of its
 * paragraph backwards, links included.
 */
export function balanceDirectionByLine(text: string): string {
  return DIRECTION_CONTROL.test(text) ? text.split('\n').map(balanceDirection).join('\n') : text;
}

/**
 * Without the embeddings, overrides and isolates (U+202A-E, U+2066-9) that are never closed or
 * close nothing. A line is shown inline beside other text (a claimant's name before "· in
 * <article> on <date>"), so an override left open there turns everything after it backwards.
 * Pairs stay, with UAX #9's nesting: a PDI also closes the embeddings opened inside its isolate.
 */
function balanceDirection(line: string): string {
  if (!DIRECTION_CONTROL.test(line)) return line;
  const open: { at: number; isolate: boolean }[] = [];
  const drop = new Set<number>();
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if ((c >= 0x202a && c <= 0x202b) || (c >= 0x202d && c <= 0x202e)) open.push({ at: i, isolate: false });
    else if (c >= 0x2066 && c <= 0x2068) open.push({ at: i, isolate: true });
    else if (c === 0x202c) {
      if (open.length && !open.at(-1)!.isolate) open.pop();
      else drop.add(i);
    } else if (c === 0x2069) {
      const isolate = open.findLastIndex((o) => o.isolate);
      if (isolate < 0) drop.add(i);
      else open.length = isolate;
    }
  }
  for (const o of open) drop.add(o.at);
  // By UTF-16 code unit, as the positions above: a surrogate pair is never split, as no control is one.
  return drop.size ? line.split('').filter((_, i) => !drop.has(i)).join('') : line;
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
  return slugPart(input, max) || 'item';
}

function slugPart(input: string, max: number): string {
  return input
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
}

/**
 * The slugs an address's last part, typed or pasted by hand, may stand for (/parties/Acme-Corp,
 * /parties/Zo%C3%AB%20Marchetti, a headline typed whole): folded as slugify folds a name, whole and
 * cut to a slug's length, other than the part itself. None for a part with no letter or digit
 * slugify keeps (a name in Arabic or Chinese script): only its name can find that.
 */
export function slugsOfAddress(part: string): string[] {
  const folded = [slugPart(part, Infinity), slugPart(part, 60)];
  return [...new Set(folded)].filter((slug) => slug && slug !== part);
}

