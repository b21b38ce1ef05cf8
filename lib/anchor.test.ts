import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareBodies,
  CONTEXT_LENGTH,
  CONTEXT_MATCH,
  contextMatch,
  createAnchor,
  locateAnchor,
  locateExcerpt,
  MIN_QUOTE_SIMILARITY,
  occurrences,
  quoteInContext,
  segmentBody,
  similarity,
  type Anchor,
  type Span,
} from './anchor';
import { normalizeBody } from './text';

const roundTrip = (body: string, quote: string, occurrence = 0) => {
  const start = occurrences(body, quote)[occurrence]!;
  const anchor = createAnchor(body, start, start + quote.length)!;
  expect(anchor.exact).toBe(quote);
  expect(body.slice(anchor.start, anchor.end)).toBe(quote);
  return anchor;
};

describe('createAnchor', () => {
  it.each([
    ['ASCII', 'The council said commutes fell by 20 per cent last year.', 'commutes fell by 20 per cent'],
    ['accented', 'Mayor Zoë Marchetti a déclaré que la ligne était « complète ».', 'Zoë Marchetti a déclaré'],
    ['emoji', 'Fans 🎉🎉 said the stadium 🏟️ held 40,000 people 👍 on Sunday.', 'stadium 🏟️ held 40,000 people 👍'],
    ['RTL', 'قال الوزير إن البطالة انخفضت إلى خمسة في المئة هذا العام.', 'البطالة انخفضت إلى خمسة في المئة'],
    ['Hebrew with numbers', 'השר אמר כי 12% מהתקציב הוקצו לחינוך.', '12% מהתקציב הוקצו'],
    ['combining marks', normalizeBody('Cafe\u0301 owners say rents rose 30%.'), 'Café owners'],
    ['CJK and astral', '市长说𠮷野家的销量增长了百分之二十。', '𠮷野家的销量增长了'],
  ])('round-trips %s text', (_name, body, quote) => {
    const anchor = roundTrip(body, quote);
    expect(locateAnchor(body, anchor)).toMatchObject({ start: anchor.start, end: anchor.end, state: 'anchored' });
    expect(anchor.prefix).toBe(body.slice(Math.max(0, anchor.start - 32), anchor.start));
    expect(anchor.suffix).toBe(body.slice(anchor.end, anchor.end + 32));
  });

  it('never splits a surrogate pair', () => {
    const body = 'a😀b';
    // Offsets 2 and 1 fall inside the emoji's two code units.
    expect(createAnchor(body, 2, 4)).toMatchObject({ start: 1, exact: '😀b' });
    expect(createAnchor(body, 0, 2)).toMatchObject({ start: 0, end: 3, exact: 'a😀' });
  });

  it('trims white space and refuses empty or out-of-range selections', () => {
    expect(createAnchor('one  two three', 3, 9)).toMatchObject({ exact: 'two', start: 5, end: 8 });
    expect(createAnchor('abc', 1, 1)).toBeNull();
    expect(createAnchor('abc', 2, 1)).toBeNull();
    expect(createAnchor('abc', -1, 2)).toBeNull();
    expect(createAnchor('abc', 0, 4)).toBeNull();
    expect(createAnchor('a   b', 1, 4)).toBeNull();
    expect(createAnchor('abc', 0.5, 2)).toBeNull();
  });

  it('anchors any selection of any text so that the quote matches the positions', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }), fc.nat(), fc.nat(), (text, a, b) => {
        const start = a % text.length;
        const end = start + 1 + (b % (text.length - start));
        const anchor = createAnchor(text, start, end);
        if (anchor) {
          expect(text.slice(anchor.start, anchor.end)).toBe(anchor.exact);
          expect(anchor.exact.trim()).toBe(anchor.exact);
          expect(anchor.start).toBeGreaterThanOrEqual(start - 1);
          expect(anchor.end).toBeLessThanOrEqual(end + 1);
        }
      }),
    );
  });
});

describe('locateAnchor', () => {
  it('proposes a changed passage with whole words, never a word cut in two', () => {
    const before = 'Officials said the new tram line carries 5,000 riders a day 🚋.\n\nThey said fares rose by 10% in March.';
    const after = 'Officials said the new tram line carries 4,800 riders daily 🚋.\n\nThey said fares rose by 10% in March.';
    const quote = 'the new tram line carries 5,000 riders a day';
    const anchor = createAnchor(before, before.indexOf(quote), before.indexOf(quote) + quote.length)!;
    const found = locateAnchor(after, anchor, compareBodies(before, after));
    expect(found.state).toBe('fuzzy');
    expect(after.slice(found.start, found.end)).toBe('the new tram line carries 4,800 riders daily');
    // A quote the editor began inside a word keeps its cut.
    const partial = createAnchor(before, before.indexOf('ficials said the new'), before.indexOf('ficials said the new') + 'ficials said the new tram line carries 5,000'.length)!;
    const moved = locateAnchor(after, partial, compareBodies(before, after));
    expect(after.slice(moved.start, moved.start + 3)).toBe('fic');
  });

  it('keeps a fuzzy match whose whole words would score under the thresholds, as matched', () => {
    // Widened to whole words, "wächst um 15 Prozent" became "…Prozentpunkte": too far from the quote, and the claim was orphaned.
    const before = 'Der Hafen wächst um 12 Prozent, sagte der Rat am Montag. 🚢\n\nDie Fähre fährt stündlich.';
    const after = 'Der Hafen wächst um 15 Prozentpunkte, sagte der Rat am Montag. 🚢\n\nDie Fähre fährt stündlich.';
    const quote = 'wächst um 12 Prozent';
    const anchor = createAnchor(before, before.indexOf(quote), before.indexOf(quote) + quote.length)!;
    const found = locateAnchor(after, anchor, compareBodies(before, after));
    expect(found.state).toBe('fuzzy');
    expect(after.slice(found.start, found.end)).toBe('wächst um 15 Prozent');
  });

  const body = 'He said it rained. Later she said it rained. Then he said it rained again.';

  it('picks the right one of repeated quotes by its context', () => {
    const second = roundTrip(body, 'said it rained', 1);
    expect(second.prefix.endsWith('Later she ')).toBe(true);
    // Text inserted in front shifts every position; the context still picks the second.
    const edited = 'Breaking: ' + body;
    const found = locateAnchor(edited, second);
    expect(found.state).toBe('anchored');
    expect(found.start).toBe(second.start + 'Breaking: '.length);
    expect(edited.slice(found.start, found.end)).toBe('said it rained');
  });

  it('keeps an anchor whose position still holds the quote', () => {
    const third = roundTrip(body, 'said it rained', 2);
    expect(locateAnchor(body, third)).toEqual({ start: third.start, end: third.end, state: 'anchored', score: 1 });
  });

  it('reports a quote that is gone as orphaned, keeping the last known position', () => {
    const anchor = roundTrip(body, 'Later she said');
    const found = locateAnchor('Completely different text.', anchor);
    expect(found).toMatchObject({ state: 'orphaned', start: anchor.start, end: anchor.end });
  });
});

describe('re-anchoring on a revised body', () => {
  const original = [
    'The harbour authority said on Monday that cargo volumes rose by 14 per cent in the first half of the year.',
    'Dock workers disputed the figure and said night shifts had been cut twice since March.',
    'The authority’s chair, Imre Vantongeren, said the new cranes would be running before the winter storms.',
  ].join('\n\n');
  const claim = (quote: string, text = original) => roundTrip(text, quote);
  const revise = (anchor: Anchor, revised: string) =>
    locateAnchor(revised, anchor, compareBodies(original, revised));

  it('moves a claim when a paragraph is inserted before it', () => {
    const anchor = claim('night shifts had been cut twice since March');
    const inserted = 'Update: this article was corrected on Tuesday.\n\n';
    const found = revise(anchor, inserted + original);
    expect(found).toEqual({ start: anchor.start + inserted.length, end: anchor.end + inserted.length, state: 'anchored', score: 1 });
  });

  it('keeps a claim before the edit where it was', () => {
    const anchor = claim('cargo volumes rose by 14 per cent');
    expect(revise(anchor, original + '\n\nA new closing paragraph.')).toMatchObject({ start: anchor.start, state: 'anchored' });
  });

  it('orphans a claim whose sentence was deleted', () => {
    const anchor = claim('night shifts had been cut twice since March');
    const revised = original.replace('Dock workers disputed the figure and said night shifts had been cut twice since March.\n\n', '');
    expect(revise(anchor, revised).state).toBe('orphaned');
  });

  it('flags a typo fixed inside the quote as fuzzy and proposes the corrected passage', () => {
    const text = original.replace('Vantongeren', 'Vantongerne');
    const anchor = claim('Imre Vantongerne, said the new cranes would be running', text);
    const found = locateAnchor(original, anchor, compareBodies(text, original));
    expect(found.state).toBe('fuzzy');
    expect(original.slice(found.start, found.end)).toBe('Imre Vantongeren, said the new cranes would be running');
    expect(found.score).toBeGreaterThan(0.9);
    expect(found.score).toBeLessThan(1);
  });

  it('flags a figure corrected inside the quote as fuzzy', () => {
    const anchor = claim('cargo volumes rose by 14 per cent in the first half of the year');
    const found = revise(anchor, original.replace('14 per cent', '11 per cent'));
    expect(found.state).toBe('fuzzy');
    expect(found.start).toBe(anchor.start);
  });

  it('asks for review when the exact words turn up only in an unrelated context', () => {
    const anchor = claim('said on Monday');
    const found = locateAnchor('Completely rewritten. A spokesperson said on Monday nothing.', anchor);
    expect(found.state).not.toBe('anchored');
  });

  it('proposes the unchanged quote for review when a word right beside it changed', () => {
    const anchor = claim('cargo volumes rose by 14 per cent');
    const found = revise(anchor, original.replace('said on Monday that cargo', 'denied on Monday that cargo'));
    expect(found).toMatchObject({ state: 'fuzzy', start: anchor.start + 2 });
    expect(found.score).toBeLessThan(1);
  });

  it('keeps the claim anchored through a one-letter fix in its context or a new paragraph beside it', () => {
    const anchor = claim('night shifts had been cut twice since March');
    expect(revise(anchor, original.replace('disputed the figure and said', 'disputed the figure, and said'))).toMatchObject({ state: 'anchored' });
    const inserted = original.replace('Dock workers', 'A new paragraph written for the update.\n\nDock workers');
    expect(revise(anchor, inserted)).toMatchObject({ state: 'anchored', start: inserted.indexOf('night shifts') });
  });

  it('orphans a passage rewritten beyond recognition', () => {
    const anchor = claim('Dock workers disputed the figure');
    expect(revise(anchor, original.replace('Dock workers disputed the figure', 'Unions welcomed the report')).state).toBe('orphaned');
  });
});

// Pieces that are NFC on their own and stay NFC when joined: ASCII, precomposed and
// uncomposable combining sequences, astral characters, a ZWJ emoji, RTL words,
// zero-width characters and paragraph breaks.
const PIECES = ['a', 'b', 'c', 'the', ' ', ' ', '. ', '\n\n', 'é', 'x\u0301', 'क्ष', '😀', '👨\u200d👩\u200d👧', '𠮷',
  'שלום', 'عربي', '\u200b', '\u200f', 'ก\u0e34'];
const piece = fc.constantFrom(...PIECES);
const textPieces = fc.array(piece, { minLength: 4, maxLength: 60 });
const join = (pieces: string[]) => pieces.join('');
const offsetOf = (pieces: string[], i: number) => join(pieces.slice(0, i)).length;

/** A text, a claim on whole pieces of it, and an edit [from, to) -> inserted, all in pieces. */
const scenario = (where: 'outside' | 'inside', insertion: fc.Arbitrary<string[]>) =>
  textPieces
    .chain((pieces) =>
      fc.record({
        pieces: fc.constant(pieces),
        span: fc.tuple(fc.nat(pieces.length), fc.nat(pieces.length)).map(([x, y]) => [Math.min(x, y), Math.max(x, y)] as const),
        cut: fc.tuple(fc.nat(pieces.length), fc.nat(pieces.length)).map(([x, y]) => [Math.min(x, y), Math.max(x, y)] as const),
        inserted: insertion,
      }),
    )
    .filter(({ span: [i, j], cut: [k, l], inserted }) => {
      if (j - i < 1 || (k === l && inserted.length === 0)) return false;
      return where === 'outside' ? l <= i || k >= j : k >= i && l <= j && (k < l || (k > i && k < j));
    })
    .map(({ pieces, span: [i, j], cut: [k, l], inserted }) => {
      const before = join(pieces);
      const anchor = createAnchor(before, offsetOf(pieces, i), offsetOf(pieces, j));
      const after = join([...pieces.slice(0, k), ...inserted, ...pieces.slice(l)]);
      const shift = l <= i ? join(inserted).length - (offsetOf(pieces, l) - offsetOf(pieces, k)) : 0;
      return { before, after, anchor, shift };
    })
    .filter((s): s is typeof s & { anchor: Anchor } => s.anchor !== null);

const isGraphemeBoundary = (text: string, offset: number) =>
  offset === text.length ||
  [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].some((g) => g.index === offset);

/** Whether an edit left the CONTEXT_LENGTH characters on each side of the claim exactly as they were. */
const contextUntouched = ({ before, after, anchor, shift }: { before: string; after: string; anchor: Anchor; shift: number }) => {
  const window = (text: string, start: number, end: number) =>
    text.slice(Math.max(0, start - CONTEXT_LENGTH), start) + '|' + text.slice(end, end + CONTEXT_LENGTH);
  return window(before, anchor.start, anchor.end) === window(after, anchor.start + shift, anchor.end + shift);
};

/** An anchored result's context reaches CONTEXT_MATCH on both sides: the rule that stops look-alikes. */
const expectContextMatches = (body: string, found: { start: number; end: number }, anchor: Anchor) => {
  const context = contextMatch(body, found.start, found.end, anchor);
  expect(Math.min(context.prefix, context.suffix)).toBeGreaterThanOrEqual(CONTEXT_MATCH);
};

describe('re-anchoring properties', () => {
  it('re-anchors exactly when an edit leaves the span and its context alone, and proposes the same words when it touches the context', () => {
    fc.assert(
      fc.property(scenario('outside', fc.array(piece, { maxLength: 8 })), (s) => {
        const { before, after, anchor, shift } = s;
        const found = locateAnchor(after, anchor, compareBodies(before, after));
        // Whatever happened around it, the claim stays on its own words.
        expect(after.slice(found.start, found.end)).toBe(anchor.exact);
        if (contextUntouched(s)) expect(found.state).toBe('anchored');
        else expect(['anchored', 'fuzzy']).toContain(found.state);
        if (found.state === 'anchored') expectContextMatches(after, found, anchor);
        // Repeated text can make the edit itself ambiguous; a unique quote has one right place.
        if (occurrences(after, anchor.exact).length === 1) expect(found.start).toBe(anchor.start + shift);
      }),
      { numRuns: 500 },
    );
  });

  it('finds the true new position even among repeats when the edit is unambiguous', () => {
    // The inserted text starts and ends with a character the texts never contain, so the changed region is exact.
    const marked = fc.array(piece, { maxLength: 6 }).map((p) => ['¶', ...p, '¶']);
    fc.assert(
      fc.property(scenario('outside', marked), (s) => {
        const { before, after, anchor, shift } = s;
        const found = locateAnchor(after, anchor, compareBodies(before, after));
        const truePlace = { start: anchor.start + shift, end: anchor.end + shift };
        if (contextUntouched(s)) expect(found).toMatchObject({ state: 'anchored', ...truePlace });
        // The marker changed its context: the same words go to review where they are.
        else if (found.state === 'fuzzy') expect(found).toMatchObject(truePlace);
        else expectContextMatches(after, found, anchor);
      }),
      { numRuns: 500 },
    );
  });
  it('never reports an edited span as anchored on different text', () => {
    fc.assert(
      fc.property(scenario('inside', fc.array(piece, { maxLength: 4 })), ({ before, after, anchor }) => {
        for (const change of [compareBodies(before, after), undefined]) {
          const found = locateAnchor(after, anchor, change);
          const text = after.slice(found.start, found.end);
          if (found.state === 'anchored') expect(text).toBe(anchor.exact);
          if (found.state === 'fuzzy') {
            expect(similarity(text, anchor.exact)).toBeGreaterThanOrEqual(MIN_QUOTE_SIMILARITY);
            expect(text.trim()).toBe(text);
            // Never half of a character, emoji sequence or letter with its marks at either end.
            expect(isGraphemeBoundary(after, found.start) && isGraphemeBoundary(after, found.end)).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
  // Words the messy PIECES never contain, so a look-alike's surroundings differ by whole words.
  const ownWords = fc.constantFrom('said that ', 'told MPs ', 'wrote: ', 'claimed ', 'insisted ');
  const otherWords = fc.constantFrom('отрицал ', 'Ψέμα: ', 'ΟΧΙ ', 'неверно ', 'дезинф ');
  const lookAlike = fc.record({
    head: fc.array(piece, { maxLength: 20 }),
    quote: fc.tuple(fc.array(piece, { minLength: 1, maxLength: 8 }), fc.array(piece, { maxLength: 8 })),
    ownBefore: ownWords,
    ownAfter: ownWords,
    between: fc.array(piece, { maxLength: 20 }),
    otherBefore: otherWords,
    otherAfter: otherWords,
    // Which side of the look-alike differs from the claim's own surroundings.
    differs: fc.constantFrom('before', 'after', 'both'),
    tail: fc.array(piece, { maxLength: 20 }),
  });

  it('never anchors or moves a claim onto a repeat of its quote with different words around it', () => {
    fc.assert(
      fc.property(lookAlike, (l) => {
        // The section sign is in no piece: the quote occurs only where it is put.
        const quote = join(l.quote[0]) + '§' + join(l.quote[1]);
        const own = `${l.ownBefore}${quote} ${l.ownAfter}`;
        const repeatBefore = l.differs === 'after' ? l.ownBefore : l.otherBefore;
        const repeatAfter = l.differs === 'before' ? l.ownAfter : l.otherAfter;
        const repeat = `${repeatBefore}${quote} ${repeatAfter}`;
        const head = join(l.head);
        const rest = join(l.between) + repeat + join(l.tail);
        const before = head + own + rest;
        const start = head.length + l.ownBefore.length;
        const anchor = createAnchor(before, start, start + quote.length);
        fc.pre(anchor !== null && anchor.exact === quote);
        // The claim's own sentence is deleted; the look-alike is all that is left.
        const after = head + rest;
        for (const change of [compareBodies(before, after), undefined]) {
          const found = locateAnchor(after, anchor!, change);
          expect(found.state).not.toBe('anchored');
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('quoteInContext', () => {
  it('returns the quote with whole words of context on each side', () => {
    const body = 'alpha beta gamma delta epsilon zeta eta theta';
    const start = body.indexOf('delta');
    const ctx = quoteInContext(body, start, start + 5, 10);
    expect(ctx.exact).toBe('delta');
    expect(ctx.before).toBe('gamma ');
    expect(ctx.after).toBe(' epsilon');
    expect(ctx.clippedStart && ctx.clippedEnd).toBe(true);
  });
});

describe('segmentBody', () => {
  const text = (segments: { text: string }[][]) => segments.map((p) => p.map((s) => s.text).join('')).join('\n\n');

  it('splits nested and overlapping spans into ordered segments without losing text', () => {
    const body = 'one two three four five six';
    const spans: Span[] = [
      { id: 1, start: 4, end: 18 }, // two three four
      { id: 2, start: 8, end: 13 }, // three (nested)
      { id: 3, start: 14, end: 23 }, // four five (overlaps 1)
    ];
    const [para] = segmentBody(body, spans);
    expect(para!.map((s) => [s.text, s.spans])).toEqual([
      ['one ', []],
      ['two ', [1]],
      ['three', [2, 1]],
      [' ', [1]],
      ['four', [3, 1]],
      [' five', [3]],
      [' six', []],
    ]);
    expect(text(segmentBody(body, spans))).toBe(body);
  });

  it('cuts at paragraph breaks and keeps spans that cross them', () => {
    const body = 'First para here.\n\nSecond para there.';
    const spans = [{ id: 7, start: 6, end: 24 }];
    const paras = segmentBody(body, spans);
    expect(paras).toHaveLength(2);
    expect(paras[0]!.at(-1)).toMatchObject({ text: 'para here.', spans: [7] });
    expect(paras[1]![0]).toMatchObject({ text: 'Second', spans: [7] });
    expect(text(paras)).toBe(body);
  });

  it('keeps every character for any spans (property)', () => {
    const bodyAndSpans = fc
      .string({ minLength: 1, maxLength: 120 })
      .map(normalizeBody)
      .filter((s) => s.length > 0)
      .chain((body) =>
        fc.tuple(
          fc.constant(body),
          fc.array(fc.tuple(fc.nat(body.length), fc.nat(body.length)), { maxLength: 12 }).map((pairs) =>
            pairs.map(([a, b], i) => ({ id: i + 1, start: Math.min(a, b), end: Math.max(a, b) })),
          ),
        ),
      );
    fc.assert(
      fc.property(bodyAndSpans, ([body, spans]) => {
        const paras = segmentBody(body, spans);
        expect(text(paras)).toBe(body);
        for (const segment of paras.flat()) {
          expect(body.slice(segment.start, segment.end)).toBe(segment.text);
          for (const id of segment.spans) {
            const span = spans.find((s) => s.id === id)!;
            expect(span.start <= segment.start && span.end >= segment.end).toBe(true);
          }
        }
      }),
    );
  });
});

describe('locateExcerpt', () => {
  const text = 'Route 7 carried 1,204,000 trips.\n\nThe previous year: 641,500 trips. Route 7 carried 1,204,000 trips, officials said.';
  it('finds the excerpt an editor copied, the first of repeats, or the passage closest to a retyped one', () => {
    expect(locateExcerpt(text, ' Route 7 carried 1,204,000 trips ')).toEqual({ start: 0, end: 31, exact: true });
    const retyped = locateExcerpt(text, 'The previous year: 641.500 trips');
    expect(retyped).toMatchObject({ start: text.indexOf('The previous'), exact: false });
    expect(locateExcerpt(text, 'Nothing like this is in the source at all, not a word')).toBeNull();
    expect(locateExcerpt('', 'Route 7')).toBeNull();
    expect(locateExcerpt(text, '   ')).toBeNull();
  });
});
