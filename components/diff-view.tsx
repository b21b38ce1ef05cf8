import { ADDED_CLASS, DiffPartMark } from '@/components/diff-part';
import type { DiffItem } from '@/lib/revision-diff';
import { plural } from '@/lib/format';

/**
 * A word-level comparison of two revisions, paragraph by paragraph (see
 * DiffPartMark for how a change is drawn).
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
              <ins className={ADDED_CLASS}>
                <span aria-hidden="true">¶</span>
                <span className="sr-only">[new paragraph]</span>
              </ins>
            ) : null}
            {item.paragraph.parts.map((part, j) => (
              <DiffPartMark key={j} part={part} />
            ))}
          </p>
        ),
      )}
    </div>
  );
}
