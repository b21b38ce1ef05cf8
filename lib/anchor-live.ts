/**
 * Anchoring a stored quote in a live web page (the publisher overlay, embed/): the page's
 * text is not the stored body. It has its own white space, curly or straight quotation
 * marks, soft hyphens, and elements the article text never had (an advertisement in the
 * middle of a paragraph, a footnote marker). Both sides are folded alike (fold), the
 * quote is found with lib/anchor.ts, and failing that across such inserted elements.
 */

import { combinedScore, contextMatch, locateAnchor, locateExact, occurrences, type Anchor } from './anchor';

const SPACE = -1;
const DROPPED = -2;

/**
 * One UTF-16 code unit as matching sees it: white space (as JavaScript's \s) is SPACE,
 * soft hyphens and zero-width characters are DROPPED (invisible in print), curly single and
 * double marks and primes are straight ones; anything else is itself. By code, not by
 * regular expression: a long page has hundreds of thousands of characters to fold.
 */
function foldCode(code: number): number {
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13) ? SPACE : code;
  switch (code) {
    case 0xa0: case 0x1680: case 0x2028: case 0x2029: case 0x202f: case 0x205f: case 0x3000: case 0xfeff:
      return SPACE;
    case 0xad: case 0x200b: case 0x200c: case 0x200d: case 0x2060:
      return DROPPED;
    case 0x2018: case 0x2019: case 0x201a: case 0x201b: case 0x2032:
      return 0x27;
    case 0x201c: case 0x201d: case 0x201e: case 0x201f: case 0x2033:
      return 0x22;
  }
  return code >= 0x2000 && code <= 0x200a ? SPACE : code;
}

/** Text as matching sees it: foldCode on every character, runs of white space one space. */
export function fold(text: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const f = foldCode(code);
    if (f === SPACE) {
      space = true;
      continue;
    }
    if (f === DROPPED) continue;
    if (space) out += ' ';
    space = false;
    out += f === code ? text[i] : String.fromCharCode(f);
  }
  return space ? `${out} ` : out;
}

/** A page's text, folded, with where each of its characters came from. */
export type LiveText = {
  text: string;
  /** For each character of `text`: the index of the text node it came from, and its offset there. */
  node: Int32Array;
  offset: Int32Array;
  /** Elements that may have been inserted into the article: their text's [start, end) in `text`, by start (the widest). */
  gaps: Map<number, number>;
};

/**
 * Builds a LiveText while a page is walked: text nodes in document order (`add`), a break
 * at each block element's edges (`space`), and each element's extent (`open`/`close`).
 */
export class LiveTextBuilder {
  // The folded text node by node, joined at the end (a string grown by += and read meanwhile is flattened again at every read).
  private parts: string[] = [];
  private length = 0;
  private node = new Int32Array(4096);
  private offset = new Int32Array(4096);
  private isSpace = new Uint8Array(4096);
  private pendingSpace = false;
  private gaps = new Map<number, number>();

  add(data: string, node: number): void {
    this.reserve(this.length + data.length + 1);
    let out = '';
    let at = this.length;
    for (let i = 0; i < data.length; i++) {
      const code = data.charCodeAt(i);
      const f = foldCode(code);
      if (f === SPACE) {
        this.pendingSpace = true;
        continue;
      }
      if (f === DROPPED) continue;
      if (this.pendingSpace && at > 0) {
        out += ' ';
        this.node[at] = node;
        this.offset[at] = i;
        this.isSpace[at] = 1;
        at++;
      }
      this.pendingSpace = false;
      out += f === code ? data[i] : String.fromCharCode(f);
      this.node[at] = node;
      this.offset[at] = i;
      at++;
    }
    if (out) this.parts.push(out);
    this.length = at;
  }

  space(): void {
    this.pendingSpace = true;
  }

  open(): number {
    return this.length;
  }

  close(opened: number): void {
    // The space before an element's first word belongs to what precedes it.
    const start = opened + this.isSpace[opened]!;
    if (start >= this.length) return;
    if ((this.gaps.get(start) ?? -1) < this.length) this.gaps.set(start, this.length);
  }

  private reserve(size: number) {
    if (size <= this.node.length) return;
    const capacity = Math.max(size, this.node.length * 2);
    const grow = <T extends Int32Array | Uint8Array>(from: T, to: T) => {
      to.set(from);
      return to;
    };
    this.node = grow(this.node, new Int32Array(capacity));
    this.offset = grow(this.offset, new Int32Array(capacity));
    this.isSpace = grow(this.isSpace, new Uint8Array(capacity));
  }

  finish(): LiveText {
    return { text: this.parts.join(''), node: this.node.slice(0, this.length), offset: this.offset.slice(0, this.length), gaps: this.gaps };
  }
}

/** A claim's stored quote as the overlay receives it; `textLength` is the stored body's, for a position hint. */
export type StoredQuote = Anchor & { textLength: number };

/** Where a quote is in a page's text: its parts (more than one when it runs across inserted elements). */
export type LiveMatch = { parts: [start: number, end: number][]; how: 'exact' | 'across' | 'fuzzy'; score: number };

// An inserted element is skipped at most this often within one quote, and never makes the
// passage more than this much longer than the quote: beyond that it is another passage.
const MAX_SKIPS = 4;
const MAX_SKIPPED = 400;
// The approximate search looks at least this far either side of where the quote should be.
const FUZZY_REACH = 5000;
// Candidates for a match across elements start where the quote's first characters are.
const HEAD = 12;

/**
 * Finds a stored quote in a page's folded text: exactly (the stored context choosing
 * among repeats), else across inserted elements, else approximately as lib/anchor.ts
 * re-anchors a revised article. Null when it is not on the page.
 */
export function locateLive(live: Pick<LiveText, 'text' | 'gaps'>, quote: StoredQuote): LiveMatch | null {
  const { text } = live;
  const exact = fold(quote.exact).trim();
  if (!exact) return null;
  const hint = Math.round((quote.start / Math.max(1, quote.textLength)) * text.length);
  const anchor: Anchor = { start: hint, end: hint + exact.length, exact, prefix: fold(quote.prefix), suffix: fold(quote.suffix) };
  const found = locateExact(text, anchor, hint);
  if (found) return { parts: [[found.start, found.end]], how: 'exact', score: found.score };
  const across = locateAcross(live, anchor, hint);
  if (across) return across;
  // Approximately, in a stretch around where the quote should be: a page's text has the site's
  // furniture around the article, so the position is only roughly right, and a search of the
  // whole page for every quote that is gone would cost tens of milliseconds each.
  const reach = Math.max(FUZZY_REACH, Math.round(text.length * 0.15));
  const from = Math.max(0, hint - reach);
  const near = text.slice(from, hint + exact.length + reach);
  const fuzzy = locateAnchor(near, { ...anchor, start: hint - from, end: hint - from + exact.length });
  return fuzzy.state === 'orphaned' ? null : { parts: [[from + fuzzy.start, from + fuzzy.end]], how: 'fuzzy', score: fuzzy.score };
}

/** The quote read across elements in the page that the stored text does not have (see walkAcross). */
function locateAcross({ text, gaps }: Pick<LiveText, 'text' | 'gaps'>, anchor: Anchor, hint: number): LiveMatch | null {
  let best: LiveMatch | null = null;
  for (const start of occurrences(text, anchor.exact.slice(0, HEAD))) {
    const parts = walkAcross(text, anchor.exact, start, gaps);
    if (!parts) continue;
    const end = parts[parts.length - 1]![1];
    const position = 1 - Math.abs(start - hint) / Math.max(1, text.length);
    const score = combinedScore(1, contextMatch(text, start, end, anchor), position);
    if (!best || score > best.score) best = { parts, how: 'across', score };
  }
  return best;
}

/**
 * Reads `quote` in `text` from `from`, jumping over an element (one of `gaps`) wherever the
 * text stops agreeing at its first character; the spaces around a skipped element count as
 * the quote's one space. The parts of text read, or null.
 */
function walkAcross(text: string, quote: string, from: number, gaps: Map<number, number>): [number, number][] | null {
  const parts: [number, number][] = [];
  let partStart = from;
  let i = from;
  let j = 0;
  while (j < quote.length) {
    if (i < text.length && text.charCodeAt(i) === quote.charCodeAt(j)) {
      i++;
      j++;
      continue;
    }
    let at = i;
    let end = gaps.get(at);
    if (end === undefined && text[at] === ' ') end = gaps.get(++at);
    if (end === undefined || parts.length + 1 >= MAX_SKIPS) return null;
    pushPart(text, parts, partStart, i);
    i = end;
    if (text[i] === ' ' && (quote[j - 1] === ' ' || quote[j] !== ' ')) i++;
    if (quote[j] === ' ' && text[i] !== ' ') j++;
    partStart = i;
  }
  pushPart(text, parts, partStart, i);
  if (i - from - quote.length > MAX_SKIPPED || parts.length < 2) return null;
  return parts;
}

/** text[start, end) without the spaces at its edges, if anything is left. */
function pushPart(text: string, parts: [number, number][], start: number, end: number) {
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  if (end > start) parts.push([start, end]);
}
