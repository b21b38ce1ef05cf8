import { describe, expect, it } from 'vitest';
import { createAnchor } from './anchor';
import { fold, LiveTextBuilder, locateLive, type StoredQuote } from './anchor-live';

/** A page's text from pieces: strings are text nodes, arrays are elements around their pieces. */
type Piece = string | Piece[];
function page(pieces: Piece[]) {
  const builder = new LiveTextBuilder();
  let node = 0;
  const walk = (list: Piece[]) => {
    for (const piece of list) {
      if (typeof piece === 'string') {
        builder.add(piece, node++);
      } else {
        const opened = builder.open();
        walk(piece);
        builder.close(opened);
      }
    }
  };
  walk(pieces);
  return builder.finish();
}

function stored(body: string, quote: string, which: 'first' | 'last' = 'first'): StoredQuote {
  const start = which === 'first' ? body.indexOf(quote) : body.lastIndexOf(quote);
  return { ...createAnchor(body, start, start + quote.length)!, textLength: body.length };
}

const parts = (live: ReturnType<typeof page>, match: ReturnType<typeof locateLive>) => match?.parts.map(([s, e]) => live.text.slice(s, e));

describe('fold', () => {
  it('straightens curly marks, drops soft hyphens and zero-width characters, and collapses white space', () => {
    expect(fold('“Don’t”\u00a0\n\t stop‚ ‘now’ — re\u00adtire\u200b')).toBe('"Don\'t" stop\' \'now\' — retire');
    expect(fold('📉 日本 עברית')).toBe('📉 日本 עברית');
  });
});

describe('locateLive', () => {
  const body = 'The port said ferry fares rose by 40 per cent since 2019 on every route.\n\nNothing else changed.';

  it('maps every character of the folded text back to its node and offset', () => {
    const live = page(['The port  said ', ['“ferry”'], '\u00adfares']);
    expect(live.text).toBe('The port said "ferry"fares');
    expect([live.node[15], live.offset[15]]).toEqual([1, 1]);
    expect([live.node[21], live.offset[21]]).toEqual([2, 1]);
  });

  it('reads a quote across a footnote marker and an advertisement, leaving them out of the passage', () => {
    const live = page(['The port said ferry fares rose by 40 per cent', ['1'], ' since ', [['Advertisement'], ' Cruises £9'], ' 2019 on every route.']);
    const match = locateLive(live, stored(body, 'fares rose by 40 per cent since 2019'));
    expect(match?.how).toBe('across');
    expect(parts(live, match)).toEqual(['fares rose by 40 per cent', 'since', '2019']);
  });

  it('does not skip an element to make another sentence read as the quote', () => {
    const live = page(['Nothing ', ['else'], ' changed. ', ['Figures'], ' rose by 40 per cent since 2019 on every route.']);
    expect(locateLive(live, stored(body, 'ferry fares rose by 40 per cent since 2019'))?.how).not.toBe('across');
  });

  it('picks the repeat the stored context names', () => {
    const text = 'Officials said fares will rise again in April. Riders heard that fares will rise again only if fuel costs climb.';
    const live = page([text]);
    const match = locateLive(live, stored(text, 'fares will rise again', 'last'));
    expect(match?.parts[0]![0]).toBe(text.lastIndexOf('fares will rise again'));
  });

  it('finds nothing when the passage is gone, and nothing for an empty quote', () => {
    const live = page(['A page about the weather: rain all week.']);
    expect(locateLive(live, stored(body, 'fares rose by 40 per cent since 2019'))).toBeNull();
    expect(locateLive(live, { start: 0, end: 0, exact: ' \u200b ', prefix: '', suffix: '', textLength: 1 })).toBeNull();
  });
});
