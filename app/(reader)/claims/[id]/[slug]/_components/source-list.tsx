import { SourceCitation } from '@/components/source-citation';
import { RELATIONS, RELATION_LABELS, type Relation } from '@/lib/vocabulary';
import { externalHref } from '@/lib/routes';

type Source = {
  id: number;
  url: string;
  title: string;
  publisher: string;
  publishedAt: Date | null;
  archivedUrl: string | null;
  relation: Relation;
  excerpt: string;
};

export function SourceList({ sources }: { sources: Source[] }) {
  return (
    <section aria-labelledby="sources-heading">
      <h2 id="sources-heading" className="text-lg font-semibold">
        Sources
      </h2>
      {sources.length === 0 ? <p className="muted mt-2">No sources attached yet.</p> : null}
      {RELATIONS.map((relation) => {
        const group = sources.filter((s) => s.relation === relation);
        if (group.length === 0) return null;
        return (
          <div key={relation} className="mt-3">
            <h3 className="text-sm font-semibold uppercase tracking-wide muted">{RELATION_LABELS[relation]}</h3>
            <ul className="mt-1 space-y-2">
              {group.map((s) => (
                <li key={s.id}>
                  <SourceCitation source={s} />
                  {externalHref(s.archivedUrl) ? (
                    <>
                      {' '}
                      <a href={externalHref(s.archivedUrl)} rel="noopener noreferrer nofollow" className="text-sm">
                        (archived copy)
                      </a>
                    </>
                  ) : null}
                  {s.excerpt ? <blockquote className="mt-1 border-l-2 border-[var(--rule)] pl-3 text-sm">{s.excerpt}</blockquote> : null}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
