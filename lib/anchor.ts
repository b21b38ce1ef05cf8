/**
 * Anchors: where a claim sits in an article body. A W3C TextPositionSelector
 * (start/end in UTF-16 code units, the unit of JavaScript strings and DOM ranges)
 * paired with a TextQuoteSelector (exact quote plus 32 characters of context each side).
 * This module is the only place that knows how positions and quotes work.
 */

import search from 'approx-string-match';
import { paragraphs } from './text';

/**
 * `fuzzy` and `orphaned` wait for an editor's review after a revision; `removed`
 * is an orphaned anchor an editor confirmed is gone from the article.
 */
export const ANCHOR_STATES = ['anchored', 'fuzzy', 'orphaned', 'removed'] as const;
export type AnchorState = (typeof ANCHOR_STATES)[number];

/** How an anchor's state reads in the editor's lists. */
export const ANCHOR_STATE_LABELS: Record<AnchorState, string> = {
  anchored: 'in the text',
  fuzzy: 'passage changed, needs review',
  orphaned: 'passage lost, needs review',
  removed: 'no longer in the article',
};

/** Whether the claim's passage is missing from the current revision (its anchor shows the last known quote). */
export const isDetached = (state: AnchorState) => state === 'orphaned' || state === 'removed';

export const CONTEXT_LENGTH = 32;

export type Anchor = {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
};

export type Located = { start: number; end: number; state: AnchorState; score: number };

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Moves a boundary off the middle of a surrogate pair (never splits an emoji or astral character). */
function snap(body: string, offset: number, direction: -1 | 1): number {
  if (offset <= 0 || offset >= body.length) return Math.max(0, Math.min(offset, body.length));
  if (isLow(body.charCodeAt(offset)) && isHigh(body.charCodeAt(offset - 1))) {
    return offset + (direction === 1 ? 1 : -1);
  }
  return offset;
}

/** Builds the anchor of body[start, end), trimmed of surrounding white space; null when empty or out of range. */
export function createAnchor(body: string, start: number, end: number): Anchor | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return null;
  if (start < 0 || end > body.length || start >= end) return null;
  let s = snap(body, start, -1);
  let e = snap(body, end, 1);
  while (s < e && /\s/u.test(body[s]!)) s++;
  while (e > s && /\s/u.test(body[e - 1]!)) e--;
  if (s >= e) return null;
  return {
    start: s,
    end: e,
    exact: body.slice(s, e),
    prefix: body.slice(Math.max(0, s - CONTEXT_LENGTH), s),
    suffix: body.slice(e, e + CONTEXT_LENGTH),
  };
}

/** Every start offset of `needle` in `haystack`, overlapping matches included. */
export function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (!needle) return found;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) {
    found.push(i);
  }
  return found;
}

/**
 * What changed between two bodies: the single region between their common start
 * (`head`) and common end (`tail`). Enough to carry every position outside that
 * region over exactly (one correction, one inserted paragraph), and cheap on long
 * texts. When the two overlap (text deleted or inserted next to a repeat of itself)
 * the region can sit in two places; both readings are kept.
 */
export type BodyChange = {
  oldLength: number;
  newLength: number;
  readings: { head: number; tail: number }[];
};

export function compareBodies(before: string, after: string): BodyChange {
  const max = Math.min(before.length, after.length);
  let head = 0;
  while (head < max && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < max && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) {
    tail++;
  }
  const readings = [{ head, tail: Math.min(tail, max - head) }];
  if (head + tail > max) readings.push({ head: max - tail, tail });
  return { oldLength: before.length, newLength: after.length, readings };
}

/**
 * The new offset of an old one under one reading of the change, or null inside the
 * changed region. At the edge of an insertion a span's start goes after the inserted
 * text and its end before it.
 */
function mapOffset(
  change: BodyChange,
  reading: { head: number; tail: number },
  offset: number,
  side: 'start' | 'end',
): number | null {
  const shifted = offset + change.newLength - change.oldLength;
  const inTail = offset >= change.oldLength - reading.tail;
  if (side === 'start' && inTail) return shifted;
  if (offset <= reading.head) return offset;
  return inTail ? shifted : null;
}

/** Where an old offset probably is now: exact outside the changed region, proportional inside it. */
function expectedOffset(change: BodyChange, offset: number): number {
  const reading = change.readings[0]!;
  const mapped = mapOffset(change, reading, offset, 'start');
  if (mapped !== null) return mapped;
  const oldMiddle = change.oldLength - reading.tail - reading.head;
  const newMiddle = change.newLength - reading.tail - reading.head;
  return reading.head + Math.round(((offset - reading.head) * newMiddle) / Math.max(1, oldMiddle));
}

/** Below this share of agreeing characters a passage is not the claim's passage. */
export const MIN_QUOTE_SIMILARITY = 0.75;
/** Below this combined score (quote, context, position) a fuzzy candidate is rejected. */
export const FUZZY_THRESHOLD = 0.6;
/**
 * How alike each side's context must be to the stored one for the exact quote to
 * count as the same passage without review: `similarity()` of the stored prefix
 * (and suffix) and the text now beside the quote, within its paragraph. 0.9 of 32
 * characters tolerates a changed letter or comma (at most 3 edits); a changed word
 * ("said" becoming "denied"), a new sentence start or a repeat of the quote in a
 * different sentence goes to an editor. See docs/anchoring.md.
 */
export const CONTEXT_MATCH = 0.9;
// The fuzzy search looks this far around the expected position before searching the whole body.
const SEARCH_WINDOW = 2000;

/** The part of a prefix after its last line break, of a suffix before its first: the context within the paragraph. */
const prefixInParagraph = (text: string) => text.slice(text.lastIndexOf('\n') + 1);
const suffixInParagraph = (text: string) => {
  const at = text.indexOf('\n');
  return at === -1 ? text : text.slice(0, at);
};

/**
 * How alike the text around body[start, end) is to the anchor's stored context,
 * each side as `similarity()` within the quote's paragraph (a paragraph added or
 * removed next to it changes nothing; two paragraphs merged around it do).
 */
export function contextMatch(body: string, start: number, end: number, anchor: Anchor): { prefix: number; suffix: number } {
  const before = body.slice(Math.max(0, start - anchor.prefix.length), start);
  const after = body.slice(end, end + anchor.suffix.length);
  return {
    prefix: similarity(prefixInParagraph(before), prefixInParagraph(anchor.prefix)),
    suffix: similarity(suffixInParagraph(after), suffixInParagraph(anchor.suffix)),
  };
}

/** Quote, context and position in one score in [0, 1], weighted like Hypothesis (quote 50, prefix 20, suffix 20, position 2). */
export function combinedScore(quote: number, context: { prefix: number; suffix: number }, position: number): number {
  const score = (50 * quote + 20 * context.prefix + 20 * context.suffix + 2 * position) / 92;
  return Math.round(score * 1000) / 1000;
}

/**
 * The exact quote at body[start, end), judged by its context: `anchored` when both
 * sides reach CONTEXT_MATCH, else `fuzzy` (the same words in other surroundings may
 * be another statement: an editor decides).
 */
function judgeExact(body: string, start: number, end: number, anchor: Anchor, position: number): Located {
  const context = contextMatch(body, start, end, anchor);
  if (context.prefix >= CONTEXT_MATCH && context.suffix >= CONTEXT_MATCH) return { start, end, state: 'anchored', score: 1 };
  return { start, end, state: 'fuzzy', score: combinedScore(1, context, position) };
}

const positionScore = (body: string, start: number, hint: number) => 1 - Math.abs(start - hint) / Math.max(1, body.length);

/**
 * Finds an anchor in a body, in order: its position (carried over the change
 * from its old body when `change` is given) still holds the quote; else the
 * exact quote found elsewhere, the best context first (ties: nearest the old
 * position); else an approximate match of quote and context above
 * FUZZY_THRESHOLD -> `fuzzy`; else `orphaned` at the old position. The exact
 * quote is `anchored` only when its context also matches (see CONTEXT_MATCH),
 * otherwise `fuzzy`, so a look-alike passage is never taken without review.
 * Never `anchored` unless body[start, end) is exactly the quote.
 */
export function locateAnchor(body: string, anchor: Anchor, change?: BodyChange): Located {
  const expected = change
    ? change.readings.map((r) => ({
        start: mapOffset(change, r, anchor.start, 'start'),
        end: mapOffset(change, r, anchor.end, 'end'),
      }))
    : [{ start: anchor.start, end: anchor.end }];
  let inPlace: Located | null = null;
  for (const { start, end } of expected) {
    if (start !== null && end !== null && end - start === anchor.exact.length && body.slice(start, end) === anchor.exact) {
      const found = judgeExact(body, start, end, anchor, 1);
      if (found.state === 'anchored') return found;
      inPlace ??= found;
    }
  }
  const hint = change ? expectedOffset(change, anchor.start) : anchor.start;
  const exact = locateExact(body, anchor, hint);
  if (exact?.state === 'anchored') return exact;
  // The quote where it was, but with other words around it: proposed in place, whatever its score.
  if (inPlace) return inPlace;
  return exact ?? locateFuzzy(body, anchor, hint) ?? { start: anchor.start, end: anchor.end, state: 'orphaned', score: 0 };
}

/**
 * The occurrence of the exact quote whose context matches best (ties: nearest
 * `hint`), judged as in judgeExact; null when the quote is absent, or when its
 * best occurrence is only a look-alike scoring under FUZZY_THRESHOLD.
 */
export function locateExact(body: string, anchor: Anchor, hint = anchor.start): Located | null {
  let best: { found: Located; distance: number } | null = null;
  for (const start of occurrences(body, anchor.exact)) {
    const found = judgeExact(body, start, start + anchor.exact.length, anchor, positionScore(body, start, hint));
    if (found.state === 'fuzzy' && found.score < FUZZY_THRESHOLD) continue;
    const distance = Math.abs(start - hint);
    const rank = (l: Located) => (l.state === 'anchored' ? 2 : l.score);
    if (!best || rank(found) > rank(best.found) || (rank(found) === rank(best.found) && distance < best.distance)) {
      best = { found, distance };
    }
  }
  return best?.found ?? null;
}

/**
 * The best approximate match of the quote, scored like Hypothesis does
 * (quote 50, prefix 20, suffix 20, position 2), searched near `hint` first,
 * then in the whole body. Null when nothing reaches the thresholds.
 */
function locateFuzzy(body: string, anchor: Anchor, hint: number): Located | null {
  const maxErrors = Math.floor(anchor.exact.length * (1 - MIN_QUOTE_SIMILARITY));
  if (maxErrors === 0) return null;
  const from = Math.max(0, hint - SEARCH_WINDOW);
  const to = Math.min(body.length, hint + anchor.exact.length + SEARCH_WINDOW);
  const near = bestFuzzy(body, anchor, hint, from, to, maxErrors);
  if (near || (from === 0 && to === body.length)) return near;
  return bestFuzzy(body, anchor, hint, 0, body.length, maxErrors);
}

function bestFuzzy(
  body: string,
  anchor: Anchor,
  hint: number,
  from: number,
  to: number,
  maxErrors: number,
): Located | null {
  let best: Located | null = null;
  // A quote that began and ended with whole words is proposed with whole words: the match of
  // "5,000 riders a day" in "4,800 riders daily" ended after "dai".
  const whole = { start: !isWordChar(anchor.prefix.at(-1)) || !isWordChar(anchor.exact[0]), end: !isWordChar(anchor.suffix[0]) || !isWordChar(anchor.exact.at(-1)) };
  const scored = (span: { start: number; end: number }): Located | null => {
    const quote = similarity(body.slice(span.start, span.end), anchor.exact);
    if (quote < MIN_QUOTE_SIMILARITY) return null;
    const score = combinedScore(quote, contextMatch(body, span.start, span.end, anchor), positionScore(body, span.start, hint));
    return score >= FUZZY_THRESHOLD ? { ...span, state: 'fuzzy', score } : null;
  };
  for (const match of search(body.slice(from, to), anchor.exact, maxErrors)) {
    const tidy = tidySpan(body, from + match.start, from + match.end);
    if (!tidy) continue;
    // Widened to whole words when that still matches; else narrowed to the words the match holds
    // whole; else as matched. Widened into a long word ("12 Prozent" into "15 Prozentpunkte") the
    // quote may score under the thresholds, and the claim was orphaned for it: a match is never
    // lost for being tidied, and every span proposed is judged by the same thresholds.
    const found = scored(wholeWords(body, tidy, whole)) ?? scored(innerWords(body, tidy, whole)) ?? scored(tidy);
    if (found && (!best || found.score > best.score)) best = found;
  }
  return best;
}

/**
 * A matched span made presentable: no surrounding white space, and both ends on
 * grapheme boundaries, so no emoji, ZWJ sequence, flag or letter with combining
 * marks is cut in two.
 */
function tidySpan(body: string, start: number, end: number): { start: number; end: number } | null {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(body[s]!)) s++;
  while (e > s && /\s/u.test(body[e - 1]!)) e--;
  if (s >= e) return null;
  return { start: graphemeBoundary(body, s, -1), end: graphemeBoundary(body, e, 1) };
}

// Letters of scripts written with spaces between words; a CJK or Thai run is not one word to extend to.
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const isWordChar = (ch: string | undefined) => !!ch && WORD_CHAR.test(ch) && !UNSPACED.test(ch);
// Further than any word a match cuts: past it the span stays as matched.
const WORD_REACH = 40;

/** The span widened to the ends of the words it cuts, at the ends asked for. */
function wholeWords(body: string, span: { start: number; end: number }, ends: { start: boolean; end: boolean }) {
  let { start, end } = span;
  if (ends.start) {
    let s = start;
    while (s > 0 && start - s < WORD_REACH && isWordChar(body[s - 1]) && isWordChar(body[s])) s--;
    if (!isWordChar(body[s - 1])) start = s;
  }
  if (ends.end) {
    let e = end;
    while (e < body.length && e - end < WORD_REACH && isWordChar(body[e]) && isWordChar(body[e - 1])) e++;
    if (!isWordChar(body[e])) end = e;
  }
  return { start, end };
}

/** The span narrowed to the words it holds whole, at the ends asked for (as it is when no whole word is left). */
function innerWords(body: string, span: { start: number; end: number }, ends: { start: boolean; end: boolean }) {
  let { start, end } = span;
  if (ends.start) while (start < end && isWordChar(body[start - 1]) && isWordChar(body[start])) start++;
  if (ends.end) while (end > start && isWordChar(body[end]) && isWordChar(body[end - 1])) end--;
  return (start < end && tidySpan(body, start, end)) || span;
}

// Made on first use: the publisher overlay (embed/) bundles this module, and a browser without Intl.Segmenter must still load it.
let graphemes: Intl.Segmenter | undefined;
// Longer than any grapheme cluster met in text (a family emoji is 11 code units).
const CLUSTER_WINDOW = 32;

/** The nearest grapheme boundary at or before (-1), or at or after (1), an offset. */
function graphemeBoundary(body: string, offset: number, direction: -1 | 1): number {
  if (offset <= 0 || offset >= body.length) return offset;
  if (typeof Intl.Segmenter !== 'function') return snap(body, offset, direction);
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const from = Math.max(0, offset - CLUSTER_WINDOW);
  const window = body.slice(from, offset + CLUSTER_WINDOW);
  let before = from;
  for (const { index } of graphemes.segment(window)) {
    const at = from + index;
    if (at === offset) return offset;
    if (at > offset) return direction === -1 ? before : at;
    before = at;
  }
  return direction === -1 ? before : from + window.length;
}

/** 1 minus the edit distance over the longer length: 1 for equal strings, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}

/** Levenshtein distance in UTF-16 code units (two rows; quotes are short). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * A quote with its stored context for a side-by-side comparison: the context within
 * the quote's paragraph, without the word cut in two at its outer edge.
 */
export function passageWithContext(anchor: Pick<Anchor, 'prefix' | 'exact' | 'suffix'>): string {
  let prefix = prefixInParagraph(anchor.prefix);
  let suffix = suffixInParagraph(anchor.suffix);
  if (anchor.prefix.length === CONTEXT_LENGTH && prefix === anchor.prefix) prefix = prefix.slice(prefix.search(/\s/u) + 1);
  if (anchor.suffix.length === CONTEXT_LENGTH && suffix === anchor.suffix) {
    const lastSpace = Math.max(suffix.lastIndexOf(' '), suffix.lastIndexOf('\t'));
    if (lastSpace > 0) suffix = suffix.slice(0, lastSpace);
  }
  return prefix + anchor.exact + suffix;
}

/** The quote in context for display: up to `context` characters each side, cut at word boundaries. */
export function quoteInContext(
  body: string,
  start: number,
  end: number,
  context = 160,
): { before: string; exact: string; after: string; clippedStart: boolean; clippedEnd: boolean } {
  let from = snap(body, Math.max(0, start - context), 1);
  let to = snap(body, Math.min(body.length, end + context), -1);
  if (from > 0) {
    const space = body.indexOf(' ', from);
    if (space !== -1 && space < start) from = space + 1;
  }
  if (to < body.length) {
    const space = body.lastIndexOf(' ', to);
    if (space > end) to = space;
  }
  return {
    before: body.slice(from, start),
    exact: body.slice(start, end),
    after: body.slice(end, to),
    clippedStart: from > 0,
    clippedEnd: to < body.length,
  };
}

export type Span = { id: number; start: number; end: number };
export type Segment = { start: number; end: number; text: string; spans: number[] };

/**
 * Cuts the paragraph body[start, end) into segments so that possibly nested or
 * overlapping spans can be drawn as flat, non-overlapping marks. Each segment
 * lists the ids of every span covering it, innermost (shortest) first. The
 * concatenated segment texts are exactly the paragraph.
 */
export function segmentParagraph(body: string, { start, end }: { start: number; end: number }, spans: readonly Span[]): Segment[] {
  const inside = spans
    .filter((s) => s.start >= 0 && s.end <= body.length && s.start < s.end && s.start < end && s.end > start)
    .sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start || a.id - b.id);
  const cuts = new Set([start, end]);
  for (const s of inside) {
    if (s.start > start) cuts.add(s.start);
    if (s.end < end) cuts.add(s.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < sorted.length - 1; i++) {
    const from = sorted[i]!;
    const to = sorted[i + 1]!;
    const covering = inside.filter((s) => s.start <= from && s.end >= to).map((s) => s.id);
    segments.push({ start: from, end: to, text: body.slice(from, to), spans: covering });
  }
  return segments;
}

/** A whole body as paragraphs of segments (see segmentParagraph). */
export function segmentBody(body: string, spans: readonly Span[]): Segment[][] {
  return paragraphs(body).map((paragraph) => segmentParagraph(body, paragraph, spans));
}

/**
 * Where an excerpt an editor copied from a source sits in the source's stored text: the exact
 * words (nearest the start when repeated), or a close match of them; null when neither is there.
 */
export function locateExcerpt(text: string, excerpt: string): { start: number; end: number; exact: boolean } | null {
  const quote = excerpt.trim();
  if (!quote || !text) return null;
  const found = locateAnchor(text, { start: 0, end: quote.length, exact: quote, prefix: '', suffix: '' });
  if (found.state === 'orphaned') return null;
  return { start: found.start, end: found.end, exact: text.slice(found.start, found.end) === quote };
}
