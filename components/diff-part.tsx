import type { DiffPart } from '@/lib/revision-diff';

/** Added words underlined on green, for the reader's changes page and the editor's review card. */
export const ADDED_CLASS =
  'bg-green-100 text-green-950 underline decoration-2 underline-offset-2 dark:bg-green-950 dark:text-green-100';

/**
 * One part of a word-level comparison: removed words struck through, added words
 * underlined, each also named for screen readers, so the change never depends on colour.
 */
export function DiffPartMark({ part }: { part: DiffPart }) {
  if (part.change === 'same') return part.text;
  if (part.change === 'added') {
    return (
      <ins className={ADDED_CLASS}>
        <span className="sr-only">[added: </span>
        {part.text}
        <span className="sr-only">]</span>
      </ins>
    );
  }
  return (
    <del className="bg-red-100 text-red-950 line-through decoration-2 dark:bg-red-950 dark:text-red-100">
      <span className="sr-only">[removed: </span>
      {/* A removed paragraph break, shown as a mark rather than as a break that is no longer there. */}
      {part.text.replaceAll('\n\n', ' ¶ ')}
      <span className="sr-only">]</span>
    </del>
  );
}
