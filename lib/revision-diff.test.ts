import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeBody } from './text';
import { diffPassage, diffRevisions, diffSummary, foldUnchanged, staleWords, type DiffParagraph } from './revision-diff';

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

describe('diffPassage and staleWords (the anchor review card)', () => {
  it('marks the words a revision changed in a quote, rebuilding both passages', () => {
    const before = 'Sales “doubled” in April 2021, the company said 📈.';
    const after = 'Sales “doubled” in spring 2021, the company said 📈.';
    const parts = diffPassage(before, after);
    expect(parts.filter((p) => p.change === 'removed').map((p) => p.text.trim())).toEqual(['April']);
    expect(parts.filter((p) => p.change === 'added').map((p) => p.text.trim())).toEqual(['spring']);
    expect(parts.filter((p) => p.change !== 'added').map((p) => p.text).join('')).toBe(before);
    expect(parts.filter((p) => p.change !== 'removed').map((p) => p.text).join('')).toBe(after);
  });

  it('splits CJK and RTL text into words, not whole runs', () => {
    const parts = diffPassage('市长说销量增长了百分之二十。', '市长说销量增长了百分之十。');
    expect(parts.some((p) => p.change === 'same' && p.text.includes('市长'))).toBe(true);
    const rtl = diffPassage('قال الوزير إن البطالة انخفضت', 'قال الوزير إن البطالة ارتفعت');
    expect(rtl.filter((p) => p.change === 'removed').map((p) => p.text.trim())).toEqual(['انخفضت']);
  });

  it('names the removed words the statement still uses, whatever their case or composition', () => {
    expect(staleWords('Sales doubled in april 2021.', 'in April 2021', 'in spring 2021')).toEqual(['April']);
    // Decomposed accents in the statement (pasted) still match.
    expect(staleWords('Le chômage a baissé en mai.'.normalize('NFD'), 'baissé en mai', 'augmenté en mai')).toEqual(['baissé']);
    expect(staleWords('Sales doubled in spring 2021.', 'in April 2021', 'in spring 2021')).toEqual([]);
    // A word removed in one place but still in the new quote is not stale.
    expect(staleWords('Sales rose in 2021.', 'in 2021, up from 2020', 'in 2021')).toEqual([]);
    expect(staleWords('', 'a', 'b')).toEqual([]);
  });
});
