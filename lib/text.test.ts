import { describe, expect, it } from 'vitest';
import { normalizeBody, normalizeLine, paragraphs, slugify } from './text';

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
  it('makes ASCII slugs, with a fallback for text with no letters', () => {
    expect(slugify('Zoë says: “Ridership doubled!”')).toBe('zoe-says-ridership-doubled');
    expect(slugify('قال الوزير')).toBe('item');
    expect(slugify('a'.repeat(100)).length).toBe(60);
  });
});
