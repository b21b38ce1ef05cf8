import { ActionButton } from '@/components/forms/action-button';
import { listClaimSources } from '@/db/queries/sources';
import { dayValue } from '@/lib/form-fields';
import { SourceCitation } from '@/components/source-citation';
import { RELATION_LABELS } from '@/lib/vocabulary';
import { SourceForm } from './source-form';
import { removeSourceAction } from './sources-actions';

/** A claim's sources for editors: list, edit, remove, add. The page around it checks the editor's session. */
export function SourcesSection({ claimId }: { claimId: number }) {
  const sources = listClaimSources({ claimId });
  return (
    <section aria-labelledby="editor-sources-heading" className="mt-6">
      <h2 id="editor-sources-heading" className="text-lg font-semibold">
        Sources
      </h2>
      {sources.length === 0 ? <p className="muted mt-1 text-sm">No sources yet.</p> : null}
      <ul className="mt-2 space-y-3">
        {sources.map((s) => (
          <li key={s.id} className="panel rounded p-3" aria-label={s.title}>
            <p>
              <span className="text-xs font-semibold uppercase tracking-wide">{RELATION_LABELS[s.relation]}</span>{' '}
              <SourceCitation source={s} />
            </p>
            {s.excerpt ? <blockquote className="mt-1 border-l-2 border-[var(--rule)] pl-3 text-sm">{s.excerpt}</blockquote> : null}
            {s.note ? <p className="muted mt-1 text-sm">Note: {s.note}</p> : null}
            <div className="mt-2 flex flex-wrap items-start gap-4">
              <details className="flex-1">
                <summary className="cursor-pointer text-sm underline">Edit</summary>
                <SourceForm
                  key={s.version}
                  claimId={claimId}
                  source={{
                    ...s,
                    publishedAt: dayValue(s.publishedAt),
                    archivedUrl: s.archivedUrl ?? '',
                  }}
                />
              </details>
              <ActionButton action={removeSourceAction} fields={{ claimId, sourceId: s.id }} label={`Remove source ${s.title}`} danger>
                Remove
              </ActionButton>
            </div>
          </li>
        ))}
      </ul>
      <details className="mt-3">
        <summary className="cursor-pointer font-semibold">Add a source</summary>
        <SourceForm claimId={claimId} />
      </details>
    </section>
  );
}
