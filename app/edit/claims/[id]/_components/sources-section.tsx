import { ActionButton } from '@/components/forms/action-button';
import { SourcesNeedingAttention } from '@/app/edit/_components/sources-needing-attention';
import { listSourcesNeedingAttention, sourceEvidence } from '@/db/queries/snapshots';
import { listClaimSources } from '@/db/queries/sources';
import { NEEDS_ATTENTION, SOURCE_CHECK_LABELS } from '@/lib/evidence';
import { formatDateTime } from '@/lib/format';
import { isFetchableUrl } from '@/lib/jobs';
import { archivedCopyPath } from '@/lib/routes';
import { dayValue, newFormKey } from '@/lib/form-fields';
import { SourceCitation, SourceExcerpt } from '@/components/source-citation';
import { RELATION_LABELS } from '@/lib/vocabulary';
import { SourceForm } from './source-form';
import { archiveSourceAction, removeSourceAction } from './sources-actions';

type Evidence = ReturnType<typeof sourceEvidence> extends Map<number, infer E> ? E : never;

/** A copy on its way: said differently once an attempt failed, beside the check that says why. */
function copyingLine({ failed, tries }: { failed: number; tries: number }) {
  if (failed === 0) return 'A copy is being made…';
  const left = tries - failed;
  return `Making a copy failed ${failed === 1 ? 'once' : `${failed} times`}; Claimline tries again by itself (${left} more ${left === 1 ? 'try' : 'tries'}).`;
}

/** Whether Claimline holds a copy of the source, and how its address answered when last fetched. */
function EvidenceLine({ claimId, sourceId, evidence, fetchable }: { claimId: number; sourceId: number; evidence: Evidence; fetchable: boolean }) {
  const attention = evidence.state && NEEDS_ATTENTION.includes(evidence.state);
  if (!fetchable) {
    return (
      <p className="muted mt-1 text-sm" data-testid="source-evidence">
        Not archived: Claimline never fetches addresses under names reserved for examples and tests (.example, .invalid, .test,
        .localhost), such as the demo newsroom’s.
      </p>
    );
  }
  return (
    <p className="mt-1 text-sm" data-testid="source-evidence">
      {evidence.state ? (
        <span className={attention ? 'font-semibold text-[var(--error)]' : undefined}>
          {SOURCE_CHECK_LABELS[evidence.state]}
          {evidence.detail ? `: ${evidence.detail}` : ''}
          {evidence.checkedAt ? ` (checked ${formatDateTime(evidence.checkedAt)})` : ''}.{' '}
        </span>
      ) : null}
      {evidence.archivedAt ? (
        <>
          <a href={archivedCopyPath({ id: claimId }, sourceId)}>Archived copy of {formatDateTime(evidence.archivedAt)}</a>.{' '}
        </>
      ) : (
        'No archived copy yet. '
      )}
      {evidence.copying ? <span role="status">{copyingLine(evidence.copying)}</span> : null}
    </p>
  );
}

/** A claim's sources for editors: list, edit, remove, add. The page around it checks the editor's session. */
export function SourcesSection({ claimId }: { claimId: number }) {
  const sources = listClaimSources({ claimId });
  const evidence = sourceEvidence({ sourceIds: sources.map((s) => s.id) });
  return (
    <section aria-labelledby="editor-sources-heading" className="mt-6">
      <h2 id="editor-sources-heading" className="text-lg font-semibold">
        Sources
      </h2>
      {sources.length === 0 ? <p className="muted mt-1 text-sm">No sources yet.</p> : null}
      <div className="mt-2">
        <SourcesNeedingAttention sources={listSourcesNeedingAttention({ claimId })} showClaims={false} />
      </div>
      <ul className="mt-2 space-y-3">
        {sources.map((s) => (
          <li key={s.id} className="panel rounded p-3" aria-label={s.title}>
            <p>
              <span className="text-xs font-semibold uppercase tracking-wide">{RELATION_LABELS[s.relation]}</span>{' '}
              <SourceCitation source={s} />
            </p>
            {s.excerpt ? <SourceExcerpt text={s.excerpt} /> : null}
            {s.note ? <p className="muted mt-1 text-sm whitespace-pre-line">Note: {s.note}</p> : null}
            <EvidenceLine claimId={claimId} sourceId={s.id} evidence={evidence.get(s.id)!} fetchable={isFetchableUrl(s.url)} />
            <div className="mt-2 flex flex-wrap items-start gap-4">
              <details className="flex-1">
                <summary className="cursor-pointer text-sm underline">Edit</summary>
                <SourceForm
                  claimId={claimId}
                  source={{
                    ...s,
                    publishedAt: dayValue(s.publishedAt),
                    archivedUrl: s.archivedUrl ?? '',
                  }}
                />
              </details>
              {isFetchableUrl(s.url) ? (
                <ActionButton action={archiveSourceAction} fields={{ claimId, sourceId: s.id }} label={`Archive again: ${s.title}`}>
                  Archive again
                </ActionButton>
              ) : null}
              <ActionButton action={removeSourceAction} fields={{ claimId, sourceId: s.id }} label={`Remove source ${s.title}`} danger>
                Remove
              </ActionButton>
            </div>
          </li>
        ))}
      </ul>
      <details className="mt-3">
        <summary className="cursor-pointer font-semibold">Add a source</summary>
        {/* A new key with every render: the page drawn again after a save brings the next source's. */}
        <SourceForm claimId={claimId} formKey={newFormKey()} />
      </details>
    </section>
  );
}
