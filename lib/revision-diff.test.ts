import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeBody } from './text';
import { diffRevisions, diffSummary, foldUnchanged, type DiffParagraph } from './revision-diff';

/** One revision rebuilt from the diff: the older skips added words and breaks, the newer skips removed words. */
const side = (diff: DiffParagraph[], skip: 'added' | 'removed') => {
  let text = '';
  let separated = false;
  for (const p of diff) {
    separated ||= skip === 'removed' || !p.addedBreak;
    const words = p.parts.filter((x) => x.change !== skip).map((x) => x.text).join('');
    if (!words) continue;
    text += (text && separated ? '\n\n' : '') + words;
    separated = false;
  }
  return text;
};

const show = (paragraphs: DiffParagraph[]) =>
  paragraphs.map((p) => p.parts.map((x) => (x.change === 'same' ? x.text : x.change === 'added' ? `{+${x.text}+}` : `[-${x.text}-]`)).join(''));

describe('diffRevisions', () => {
  const before = 'The mayor opened the bridge on Monday.\n\nTraffic fell by 12 per cent.\n\nResidents welcomed it.';

  it('marks changed words inside a paragraph and leaves the others whole', () => {
    const after = before.replace('12 per cent', '9 per cent');
    expect(show(diffRevisions(before, after))).toEqual([
      'The mayor opened the bridge on Monday.',
      'Traffic fell by [-12-]{+9+} per cent.',
      'Residents welcomed it.',
    ]);
  });

  it('shows inserted and deleted paragraphs as wholes', () => {
    const after = 'Correction appended below.\n\n' + before.replace('\n\nResidents welcomed it.', '');
    const diff = diffRevisions(before, after);
    expect(show(diff)).toEqual([
      '{+Correction appended below.+}',
      'The mayor opened the bridge on Monday.',
      'Traffic fell by 12 per cent.',
      '[-Residents welcomed it.-]',
    ]);
    expect(diffSummary(diff)).toEqual({ added: 3, removed: 3 });
  });

  it('keeps every character of both texts, astral and RTL ones included', () => {
    const a = 'قال الوزير 😀 إن\n\nשלום עולם';
    const b = 'قال الرئيس 😀 إن\n\nשלום עולם 𠮷';
    const diff = diffRevisions(a, b);
    expect(side(diff, 'added')).toBe(a);
    expect(side(diff, 'removed')).toBe(b);
  });
});

it('rebuilds both revisions from the diff for any texts (property)', () => {
  const text = fc
    .array(fc.constantFrom('the', 'mayor', 'said', ' ', ' ', '.', '\n\n', '12', 'é', '😀', 'שלום', 'x\u0301', '\u200b'), { maxLength: 40 })
    .map((parts) => normalizeBody(parts.join('')));
  fc.assert(
    fc.property(text, text, (a, b) => {
      const diff = diffRevisions(a, b);
      expect(side(diff, 'added')).toBe(a);
      expect(side(diff, 'removed')).toBe(b);
    }),
    { numRuns: 300 },
  );
});

describe('foldUnchanged', () => {
  it('folds long unchanged runs, keeping one paragraph of context next to a change', () => {
    const same = (text: string): DiffParagraph => ({ parts: [{ text, change: 'same' }], changed: false });
    const changed: DiffParagraph = { parts: [{ text: 'x', change: 'added' }], changed: true };
    const items = foldUnchanged([same('1'), same('2'), same('3'), changed, same('4'), same('5'), same('6')]);
    expect(items.map((i) => (i.kind === 'skipped' ? `…${i.count}` : i.paragraph.parts[0]!.text))).toEqual([
      '…2', '3', 'x', '4', '…2',
    ]);
  });
});
