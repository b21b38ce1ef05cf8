import { diffArrays, diffWords, diffWordsWithSpace } from 'diff';

/**
 * What changed between two revisions of an article, for readers: paragraphs are
 * compared first (cheap on long articles), then the words of the paragraphs that
 * changed.
 */
export type DiffPart = { text: string; change: 'same' | 'added' | 'removed' };
/**
 * Paragraphs follow the newer text: a paragraph break the newer revision added
 * starts a paragraph with `addedBreak`; one it removed stays inside a removed part
 * as "\n\n". So skipping removed parts rebuilds the newer text, and skipping added
 * parts and added breaks rebuilds the older one.
 */
export type DiffParagraph = { parts: DiffPart[]; changed: boolean; addedBreak?: boolean };

const WORD_DIFF_TIMEOUT_MS = 300;

export function diffRevisions(before: string, after: string): DiffParagraph[] {
  const result: DiffParagraph[] = [];
  const chunks = diffArrays(before.split('\n\n'), after.split('\n\n'));
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    const next = chunks[i + 1];
    if (!chunk.added && !chunk.removed) {
      for (const text of chunk.value) result.push({ parts: [{ text, change: 'same' }], changed: false });
    } else if (chunk.removed && next?.added) {
      result.push(...wordDiff(chunk.value.join('\n\n'), next.value.join('\n\n')));
      i++;
    } else {
      const change = chunk.added ? 'added' : 'removed';
      for (const text of chunk.value) result.push({ parts: [{ text, change }], changed: true });
    }
  }
  return result;
}

/** The words of changed paragraphs, re-cut into paragraphs; whole paragraphs when the texts differ too much. */
function wordDiff(before: string, after: string): DiffParagraph[] {
  const changes = diffWordsWithSpace(before, after, { timeout: WORD_DIFF_TIMEOUT_MS });
  const parts: DiffPart[] = changes
    ? changes.map((c) => ({ text: c.value, change: c.added ? 'added' : c.removed ? 'removed' : 'same' }))
    : [
        { text: before, change: 'removed' },
        { text: '\n\n', change: 'same' },
        { text: after, change: 'added' },
      ];
  const paragraphs: DiffParagraph[] = [{ parts: [], changed: false }];
  for (const part of parts) {
    const pieces = part.change === 'removed' ? [part.text] : part.text.split('\n\n');
    pieces.forEach((text, j) => {
      if (j > 0) paragraphs.push({ parts: [], changed: part.change === 'added', addedBreak: part.change === 'added' });
      const paragraph = paragraphs.at(-1)!;
      if (text) paragraph.parts.push({ text, change: part.change });
      if (part.change !== 'same') paragraph.changed = true;
    });
  }
  return paragraphs.filter((p) => p.parts.length > 0 || p.addedBreak);
}

export type DiffItem = { kind: 'paragraph'; paragraph: DiffParagraph } | { kind: 'skipped'; count: number };

/** Runs of unchanged paragraphs folded away, keeping `context` paragraphs next to each change. */
export function foldUnchanged(paragraphs: DiffParagraph[], context = 1): DiffItem[] {
  const keep = paragraphs.map((_, i) =>
    paragraphs.slice(Math.max(0, i - context), i + context + 1).some((p) => p.changed),
  );
  const items: DiffItem[] = [];
  paragraphs.forEach((paragraph, i) => {
    const last = items.at(-1);
    if (keep[i]) items.push({ kind: 'paragraph', paragraph });
    else if (last?.kind === 'skipped') last.count++;
    else items.push({ kind: 'skipped', count: 1 });
  });
  return items;
}

/** How many words were added and removed. */
export function diffSummary(paragraphs: DiffParagraph[]): { added: number; removed: number } {
  const count = { added: 0, removed: 0 };
  for (const part of paragraphs.flatMap((p) => p.parts)) {
    if (part.change !== 'same') count[part.change] += part.text.split(/\s+/u).filter(Boolean).length;
  }
  return count;
}

// Word boundaries from the platform's dictionaries: CJK text has no spaces between words.
const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/**
 * The words that differ between two short passages (a claim's recorded quote in its
 * context, and the passage proposed for it after a revision). Skipping `added`
 * parts rebuilds `before`, skipping `removed` ones rebuilds `after`.
 */
export function diffPassage(before: string, after: string): DiffPart[] {
  const changes = diffWords(before, after, { intlSegmenter: wordSegmenter, timeout: WORD_DIFF_TIMEOUT_MS });
  if (!changes) {
    return [
      { text: before, change: 'removed' },
      { text: after, change: 'added' },
    ];
  }
  return changes.map((c) => ({ text: c.value, change: c.added ? 'added' : c.removed ? 'removed' : 'same' }));
}

const fold = (text: string) => text.normalize('NFC').toLocaleLowerCase();
const hasWordCharacter = /[\p{L}\p{N}]/u;

/**
 * Words a revision removed from a claim's quote that its statement still uses:
 * "April" when the quote went from "in April 2021" to "in spring 2021" and the
 * statement says "Sales doubled in April 2021". Empty when the statement no longer
 * repeats any removed word (or never did).
 */
export function staleWords(statement: string, oldQuote: string, newQuote: string): string[] {
  const said = new Set([...wordSegmenter.segment(fold(statement))].filter((w) => w.isWordLike).map((w) => w.segment));
  const kept = new Set([...wordSegmenter.segment(fold(newQuote))].filter((w) => w.isWordLike).map((w) => w.segment));
  const stale: string[] = [];
  for (const part of diffPassage(oldQuote, newQuote)) {
    if (part.change !== 'removed') continue;
    for (const { segment, isWordLike } of wordSegmenter.segment(part.text)) {
      const word = fold(segment);
      if (isWordLike && hasWordCharacter.test(word) && said.has(word) && !kept.has(word) && !stale.includes(segment)) stale.push(segment);
    }
  }
  return stale;
}
