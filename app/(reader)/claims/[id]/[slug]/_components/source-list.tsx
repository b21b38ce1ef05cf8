import { SourceCitation, SourceExcerpt } from '@/components/source-citation';
import { RELATIONS, RELATION_LABELS, type Relation } from '@/lib/vocabulary';
import { archivedCopyPath, externalHref } from '@/lib/routes';
import { formatDate, isoDate } from '@/lib/format';

type Source = {
  id: number;
  url: string;
  title: string;
  publisher: string;
  publishedAt: Date | null;
  archivedUrl: string | null;
  relation: Relation;
  excerpt: string;
  /** When Claimline stored its own copy, and whether the address was found gone when last checked. */
  archivedAt: Date | null;
  state: string | null;
};

/** "Archived copy, 30 Nov 2026": Claimline's stored copy of the source, with the cited excerpt marked in it. */
function ArchivedCopy({ claimId, source }: { claimId: number; source: Source }) {
  if (!source.archivedAt) return null;
  return (
    // A document of its own (no script), not a page of the app: an ordinary link, not a client navigation.
    <a href={archivedCopyPath({ id: claimId }, source.id)} className="text-sm">
      Archived copy, <time dateTime={isoDate(source.archivedAt)}>{formatDate(source.archivedAt)}</time>
    </a>
  );
}

export function SourceList({ claimId, sources }: { claimId: number; sources: Source[] }) {
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
                  {s.state === 'gone' && s.archivedAt ? (
                    <p className="text-sm">
                      <strong>No longer online.</strong> <ArchivedCopy claimId={claimId} source={s} />
                    </p>
                  ) : null}
                  <SourceCitation source={s} />
                  {s.state === 'gone' ? <span className="muted text-sm"> (gone from its site)</span> : null}
                  {s.state !== 'gone' && s.archivedAt ? (
                    <>
                      {' · '}
                      <ArchivedCopy claimId={claimId} source={s} />
                    </>
                  ) : null}
                  {externalHref(s.archivedUrl) ? (
                    <>
                      {' '}
                      <a href={externalHref(s.archivedUrl)} rel="noopener noreferrer nofollow" className="text-sm">
                        (archived copy)
                      </a>
                    </>
                  ) : null}
                  {s.excerpt ? <SourceExcerpt text={s.excerpt} /> : null}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
