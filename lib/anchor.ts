/**
 * Anchors: where a claim sits in an article body. A W3C TextPositionSelector
 * (start/end in UTF-16 code units, the unit of JavaScript strings and DOM ranges)
 * paired with a TextQuoteSelector (exact quote plus 32 characters of context each side).
 * This module is the only place that knows how positions and quotes work.
 */

export const ANCHOR_STATES = ['anchored', 'fuzzy', 'orphaned'] as const;
export type AnchorState = (typeof ANCHOR_STATES)[number];

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

/** How many characters of context agree: prefix compared backwards from the quote, suffix forwards. */
function contextAgreement(body: string, start: number, end: number, anchor: Anchor): number {
  let score = 0;
  for (let i = 1; i <= anchor.prefix.length && start - i >= 0; i++) {
    if (body[start - i] !== anchor.prefix[anchor.prefix.length - i]) break;
    score++;
  }
  for (let i = 0; i < anchor.suffix.length && end + i < body.length; i++) {
    if (body[end + i] !== anchor.suffix[i]) break;
    score++;
  }
  return score;
}

/**
 * Finds an anchor in a body by exact means: the stored position when it still
 * holds the quote, else the occurrence of the quote whose context agrees best
 * (ties go to the one nearest the old position). Null when the quote is gone.
 */
export function locateExact(body: string, anchor: Anchor): Located | null {
  const length = anchor.end - anchor.start;
  if (body.slice(anchor.start, anchor.end) === anchor.exact && length === anchor.exact.length) {
    return { start: anchor.start, end: anchor.end, state: 'anchored', score: 1 };
  }
  const candidates = occurrences(body, anchor.exact);
  let best: { start: number; agreement: number; distance: number } | null = null;
  for (const start of candidates) {
    const agreement = contextAgreement(body, start, start + anchor.exact.length, anchor);
    const distance = Math.abs(start - anchor.start);
    if (
      !best ||
      agreement > best.agreement ||
      (agreement === best.agreement && distance < best.distance)
    ) {
      best = { start, agreement, distance };
    }
  }
  if (!best) return null;
  return { start: best.start, end: best.start + anchor.exact.length, state: 'anchored', score: 1 };
}

/** Where a claim's anchor points in a body now; `orphaned` when the quote cannot be found. */
export function locateAnchor(body: string, anchor: Anchor): Located {
  return (
    locateExact(body, anchor) ?? { start: anchor.start, end: anchor.end, state: 'orphaned', score: 0 }
  );
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
 * Cuts a body into paragraphs of segments so that possibly nested or
 * overlapping spans can be drawn as flat, non-overlapping marks. Each segment
 * lists the ids of every span covering it, innermost (shortest) first. The
 * concatenated segment texts of a paragraph are exactly the paragraph.
 */
export function segmentBody(body: string, spans: readonly Span[]): Segment[][] {
  const valid = spans.filter((s) => s.start >= 0 && s.end <= body.length && s.start < s.end);
  const shortestFirst = [...valid].sort(
    (a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start || a.id - b.id,
  );
  const result: Segment[][] = [];
  let paraStart = 0;
  while (paraStart <= body.length) {
    const gap = body.indexOf('\n\n', paraStart);
    const paraEnd = gap === -1 ? body.length : gap;
    if (paraEnd > paraStart) {
      const cuts = new Set([paraStart, paraEnd]);
      for (const s of valid) {
        if (s.start > paraStart && s.start < paraEnd) cuts.add(s.start);
        if (s.end > paraStart && s.end < paraEnd) cuts.add(s.end);
      }
      const sorted = [...cuts].sort((a, b) => a - b);
      const segments: Segment[] = [];
      for (let i = 0; i < sorted.length - 1; i++) {
        const start = sorted[i]!;
        const end = sorted[i + 1]!;
        const covering = shortestFirst.filter((s) => s.start <= start && s.end >= end).map((s) => s.id);
        segments.push({ start, end, text: body.slice(start, end), spans: covering });
      }
      result.push(segments);
    }
    if (gap === -1) break;
    paraStart = gap + 2;
  }
  return result;
}
