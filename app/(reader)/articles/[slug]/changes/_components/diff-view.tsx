import type { DiffItem, DiffPart } from '@/lib/revision-diff';
import { plural } from '@/lib/format';

/**
 * A word-level comparison drawn with <ins> and <del>: removed words struck
 * through, added words underlined, each also named for screen readers, so the
 * change never depends on colour.
 */
export function DiffView({ items }: { items: DiffItem[] }) {
  return (
    <div className="font-serif text-lg leading-relaxed">
      {items.map((item, i) =>
        item.kind === 'skipped' ? (
          <p key={i} className="muted mb-5 text-center font-sans text-sm">
            … {plural(item.count, 'unchanged paragraph')} …
          </p>
        ) : (
          <p key={i} className="mb-5 whitespace-pre-line">
            {item.paragraph.addedBreak ? (
              <ins className={ADDED}>
                <span aria-hidden="true">¶</span>
                <span className="sr-only">[new paragraph]</span>
              </ins>
            ) : null}
            {item.paragraph.parts.map((part, j) => (
              <Part key={j} part={part} />
            ))}
          </p>
        ),
      )}
    </div>
  );
}

const ADDED =
  'bg-green-100 text-green-950 underline decoration-2 underline-offset-2 dark:bg-green-950 dark:text-green-100';

function Part({ part }: { part: DiffPart }) {
  if (part.change === 'same') return part.text;
  if (part.change === 'added') {
    return (
      <ins className={ADDED}>
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
