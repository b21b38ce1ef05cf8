import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { xmlError } from './testing/strict-xml';
import { hasVisibleText, normalizeBody, normalizeLine, paragraphs, safeText, slugify, slugsOfAddress } from './text';

/** What safeText must never let through: C0/C1 controls but tab, LF and CR; non-characters; unpaired surrogates. */
function forbidden(text: string): string[] {
  const bad: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      const cp = text.codePointAt(i)!;
      if ((cp & 0xfffe) === 0xfffe) bad.push(cp.toString(16));
      i++;
      continue;
    }
    const control = (unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) || (unit >= 0x7f && unit <= 0x9f);
    const nonCharacter = (unit >= 0xfdd0 && unit <= 0xfdef) || unit === 0xfffe || unit === 0xffff;
    if (control || nonCharacter || (unit >= 0xd800 && unit <= 0xdfff)) bad.push(unit.toString(16));
  }
  return bad;
}

// Text as it arrives pasted from anywhere: every kind of character, the awkward ones often.
const AWKWARD = [
  '\0', '\x01', '\x08', '\x0b', '\x0c', '\x1b', '\x7f', '\x80', '\x85', '\x9f', '\t', '\n', '\r', '\r\n',
  '\ud800', '\udfff', '\ud83d', '\ude00', '\ud83d\ude00', '\ufffe', '\uffff', '\ufdd0', '\ufdef', '\u{1fffe}', '\u{10ffff}',
  'e\u0301', '\u0301', '\u212b', '\ufeff', '\u200b', '\u2028', 'שלום', '東京', '🏳️‍🌈', ']]>', '<&>', '"',
];
const messy = fc.array(fc.oneof(fc.constantFrom(...AWKWARD), fc.string({ unit: 'binary' }), fc.string()), { maxLength: 30 }).map((parts) => parts.join(''));

describe('safeText', () => {
  it('never lets a control, a non-character or an unpaired surrogate through, and returns NFC', () => {
    fc.assert(
      fc.property(messy, (input) => {
        const out = safeText(input);
        expect(forbidden(out)).toEqual([]);
        expect(out.normalize('NFC')).toBe(out);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent', () => {
    fc.assert(fc.property(messy, (input) => safeText(safeText(input)) === safeText(input)), { numRuns: 2000 });
  });

  it('leaves text that is already safe exactly as it is', () => {
    const safe = fc.string({ unit: 'grapheme' }).map((s) => s.normalize('NFC')).filter((s) => forbidden(s).length === 0);
    fc.assert(fc.property(safe, (text) => safeText(text) === text), { numRuns: 2000 });
  });

  it('gives text any strict XML parser accepts once escaped', () => {
    const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    fc.assert(fc.property(messy, (input) => xmlError(`<t a="${escape(safeText(input)).replace(/"/g, '&quot;')}">${escape(safeText(input))}</t>`) === null), {
      numRuns: 1000,
    });
  });

  it('drops the characters a pasted headline brought along and keeps the words', () => {
    expect(safeText('Mayor\u0001 denies\u001b[0m report\ufffe\uffff')).toBe('Mayor denies[0m report');
    expect(safeText('Page one\fPage two\vline\x85end')).toBe('Page one\nPage two\nline\nend');
    expect(safeText('Cafe\u0301 \ud83d\ude00 \ud83d alone')).toBe('Café \ud83d\ude00  alone');
    expect(safeText('tab\tand\r\nlines')).toBe('tab\tand\r\nlines');
  });
});

describe('normalizeBody', () => {
  it('makes NFC, \\n line ends and single blank lines between paragraphs', () => {
    expect(normalizeBody('Cafe\u0301\r\nline two\r\rpara\n\n\n\nnext  \n')).toBe('Café\nline two\n\npara\n\nnext');
  });
  it('drops a leading byte-order mark but keeps zero-width characters inside the text', () => {
    expect(normalizeBody('\uFEFFa\u200bb\u200dc')).toBe('a\u200bb\u200dc');
  });
  it('is idempotent', () => {
    const once = normalizeBody(' a\r\n\r\n\r\nb\u2028c ');
    expect(normalizeBody(once)).toBe(once);
  });
});

describe('paragraphs', () => {
  it('returns the ranges between blank lines', () => {
    const body = 'one\ntwo\n\nthree';
    expect(paragraphs(body).map((p) => body.slice(p.start, p.end))).toEqual(['one\ntwo', 'three']);
  });
});

describe('normalizeLine and slugify', () => {
  it('collapses white space', () => {
    expect(normalizeLine('  Zoe\u0308 \n Marchetti ')).toBe('Zoë Marchetti');
  });
  it('drops direction controls left open or closed twice, so a name cannot turn the rest of its line backwards; pairs stay', () => {
    const RLO = '\u202e', PDF = '\u202c', RLI = '\u2067', PDI = '\u2069', LRE = '\u202a';
    expect(normalizeLine(`${RLO}Ellery Waterways Ltd`)).toBe('Ellery Waterways Ltd');
    expect(normalizeLine(`🚢 Ferry 😬 ${RLO}Ltd`)).toBe('🚢 Ferry 😬 Ltd');
    expect(normalizeLine(`Tom ${PDF}O’Neill${PDI}`)).toBe('Tom O’Neill');
    expect(normalizeLine(`${RLI}دالية حداد${PDI} (Dalia Haddad)`)).toBe(`${RLI}دالية حداد${PDI} (Dalia Haddad)`);
    expect(normalizeLine(`${LRE}a ${RLI}b${PDI} c${PDF} ${RLI}d`)).toBe(`${LRE}a ${RLI}b${PDI} c${PDF} d`);
    // An isolate's closer also ends the embeddings opened inside it; the marks (LRM, RLM) are not controls of this kind.
    expect(normalizeLine(`${RLI}x ${RLO}y${PDI} \u200fz`)).toBe(`${RLI}x ${RLO}y${PDI} \u200fz`);
  });
  it('trims what draws nothing from the edges, so a pasted name is the same name as a typed one', () => {
    expect(normalizeLine('  مجلس المدينة \u200b ')).toBe('مجلس المدينة');
    expect(normalizeLine('\ufeff\u2060Kestrel Glassworks\u00ad\u200d')).toBe('Kestrel Glassworks');
    expect(normalizeLine('\u3164 김민지 \u2800')).toBe('김민지');
    // Inside a line they stay (a joiner inside an emoji, a zero-width space as a word break in Thai).
    expect(normalizeLine('👩\u200d🔬 Lab')).toBe('👩\u200d🔬 Lab');
    expect(normalizeLine('ภาษา\u200bไทย')).toBe('ภาษา\u200bไทย');
    // Direction marks, variation selectors and a flag's tag characters stay at an edge.
    expect(normalizeLine('Acme Inc.\u200f')).toBe('Acme Inc.\u200f');
    expect(normalizeLine('Ferry 🚢\ufe0f')).toBe('Ferry 🚢\ufe0f');
    const england = '\u{1f3f4}\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}';
    expect(normalizeLine(`Lions ${england} `)).toBe(`Lions ${england}`);
    expect(normalizeLine('\u200b \u200b')).toBe('');
  });
  it('makes ASCII slugs, with a fallback for text with no letters', () => {
    expect(slugify('Zoë says: “Ridership doubled!”')).toBe('zoe-says-ridership-doubled');
    expect(slugify('قال الوزير')).toBe('item');
    expect(slugify('a'.repeat(100)).length).toBe(60);
  });
  it('reads the slugs an address typed by hand stands for, and none where only a name can tell', () => {
    expect(slugsOfAddress('Zoë Marchetti')).toEqual(['zoe-marchetti']);
    expect(slugsOfAddress('Acme-Corp')).toEqual(['acme-corp']);
    expect(slugsOfAddress('acme-corp')).toEqual([]);
    expect(slugsOfAddress(`${'A'.repeat(70)}-2`)).toEqual([`${'a'.repeat(70)}-2`, 'a'.repeat(60)]);
    expect(slugsOfAddress('東京都庁')).toEqual([]);
    expect(slugsOfAddress('داليا حداد')).toEqual([]);
  });
});

describe('hasVisibleText', () => {
  // Characters that draw nothing: white space, format characters, the Hangul fillers, the blank
  // Braille cell, the grapheme joiner, variation selectors. A name of these showed an empty link.
  const INVISIBLE = [' ', '\u00a0', '\u3000', '\u200b', '\u200d', '\ufeff', '\u200e', '\u00ad', '\u2060',
    '\u3164', '\u115f', '\u1160', '\uffa0', '\u2800', '\u034f', '\ufe0f', '\ufe00', '\u{e0100}', '\u180e'];
  const VISIBLE = ['a', 'É', '👍\ufe0f', '\ufe0f👍', '\u0301', '東京', 'عربي', 'שלום', '한', '\u2801', '0', '.', '🏳️‍🌈'];

  it('is false for text of invisible characters only', () => {
    for (const value of INVISIBLE) expect(hasVisibleText(value), JSON.stringify(value)).toBe(false);
    fc.assert(fc.property(fc.array(fc.constantFrom(...INVISIBLE)), (parts) => !hasVisibleText(parts.join(''))));
  });

  it('is true as soon as one visible character is in it, wherever', () => {
    for (const value of VISIBLE) expect(hasVisibleText(value), JSON.stringify(value)).toBe(true);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...INVISIBLE)), fc.constantFrom(...VISIBLE), fc.array(fc.constantFrom(...INVISIBLE)), (before, seen, after) =>
        hasVisibleText(before.join('') + seen + after.join('')),
      ),
    );
  });
});
