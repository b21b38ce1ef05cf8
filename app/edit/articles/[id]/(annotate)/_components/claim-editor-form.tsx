'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useId, useState } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { DraftRestored, dropDraft, useDraftKey } from '@/components/forms/drafts';
import { Field, FormMessage, inputClass } from '@/components/forms/fields';
import { SubmitButton, buttonClass } from '@/components/forms/submit-button';
import { StatusBadge } from '@/components/status-badge';
import { CHECKABLE_STATUSES, NOT_CHECKABLE_STATUSES, STATUSES, STATUS_INFO, isStatus } from '@/lib/status';
import { WORKFLOW_LABELS, type WorkflowState } from '@/lib/workflow';
import { saveClaimAction } from '../actions';
import { forgetDraft, keptDraft, rememberDraft } from './claim-drafts';
import { ClaimantFields, type PartyOption } from './claimant-fields';

export type EditableClaim = {
  id: number;
  version: number;
  statement: string;
  claimantPartyId: number | null;
  status: (typeof STATUSES)[number];
  statusNote: string;
  published: boolean;
  workflow: WorkflowState;
  /** A proposed change to the public verdict, waiting for a second editor: the form edits it. */
  pendingStatus: (typeof STATUSES)[number] | null;
  pendingStatusNote: string | null;
  pendingCorrection: string | null;
  /** The verdict readers last saw (null: never public). */
  publicStatus: (typeof STATUSES)[number] | null;
};

const fieldErrorClass = 'mt-1 text-sm text-red-700 dark:text-red-300';

/** The other editor's saved claim, as the conflict answer carries it. */
function theirVersion(detail: unknown): EditableClaim | null {
  const d = detail as Partial<EditableClaim> | undefined;
  return d && typeof d.version === 'number' && isStatus(d.status) ? (d as EditableClaim) : null;
}

/**
 * Statement, claimant, status with its note, and publication. The form carries
 * the claim's version; when someone else saved first, their saved values are
 * shown beside this editor's input (which stays in the fields), with a choice:
 * take theirs, or save this input over theirs.
 */
// An opinion or a prediction is recorded as a status with no verdict: the select says so by grouping.
const STATUS_GROUPS = [
  { label: 'Checkable', statuses: CHECKABLE_STATUSES },
  { label: 'Not checkable (no verdict)', statuses: NOT_CHECKABLE_STATUSES },
];

export function ClaimEditorForm({
  claim,
  parties,
  statusHint,
  signOffRequired,
}: {
  claim: EditableClaim;
  parties: PartyOption[];
  statusHint?: React.ReactNode;
  signOffRequired: boolean;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const query = new URLSearchParams(useSearchParams());
  query.set('claim', String(claim.id));
  const id = useId();
  // The form remounts on every new version (its key), so the answer to a post made before the
  // page's scripts ran had no form to go to; the permalink names the form across versions. A post
  // made before hydration lands on it, so it keeps the page's other parameters.
  const draft = `claim:${claim.id}`;
  const draftKey = useDraftKey(draft);
  const [answer, formAction] = useFormAction(saveClaimAction, `${pathname}?${query}`, { draft });
  // Typing begun on an older version, kept across the remount a new version brings (claim-drafts.ts);
  // read once, as the form mounts: the typing that follows is this form's own.
  const [kept] = useState(() => keptDraft(claim));
  const base = kept?.base ?? claim;
  useEffect(() => {
    // Drawn on the version the typing began on (a return to this claim): nothing to keep.
    if (!kept) forgetDraft(claim.id);
  }, [kept, claim.id]);
  const values = answer.ok ? kept?.values : answer.values;
  const state = answer.ok && kept ? { ok: true as const, values: kept.values } : answer;
  const theirs = !answer.ok && answer.code === 'conflict' ? theirVersion(answer.detail) : null;
  const partyName = (partyId: number | null) => parties.find((p) => p.id === partyId)?.name ?? 'Not set';
  const statusErrors = answer.ok ? [] : (answer.fieldErrors.status ?? []);
  // The verdict being worked on: a pending proposal when one waits, else the claim's own.
  const status = base.pendingStatus ?? base.status;
  const statusNote = base.pendingStatus !== null ? (base.pendingStatusNote ?? '') : base.statusNote;
  const wasPublic = claim.published || claim.publicStatus !== null;
  // Under sign-off a draft is published only by a second editor's approval: the form offers review, never a refused publish.
  const reviewInstead = signOffRequired && !claim.published;
  return (
    <form
      action={formAction}
      aria-labelledby={`${id}-heading`}
      onChange={(event) => rememberDraft(base, event.currentTarget)}
      onSubmit={() => forgetDraft(claim.id)}
    >
      <h2 id={`${id}-heading`} className="mb-2 text-lg font-semibold">
        Edit claim
      </h2>
      <FormMessage state={answer} />
      {/* Its hidden version comes back too: a save of it is checked against the version its typing began on. */}
      <DraftRestored draft={draft} skip={!!kept} />
      {kept && answer.ok ? (
        <p role="status" className="mb-4 rounded border border-amber-600 p-2 text-sm">
          {kept.theirsChanged
            ? `This claim was saved again while you typed (now version ${claim.version}). What you typed is kept below; saving it shows the other version beside yours first.`
            : `This claim moved on while you typed (now version ${claim.version}: its workflow or assignment). What you typed is kept below; save it when ready.`}
        </p>
      ) : null}
      {theirs ? (
        <section aria-labelledby={`${id}-theirs`} className="mb-4 rounded border-2 border-amber-600 p-3">
          <h3 id={`${id}-theirs`} className="font-semibold">
            Their saved version
          </h3>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="font-semibold">Statement</dt>
            <dd>{theirs.statement}</dd>
            <dt className="font-semibold">Claimant</dt>
            <dd>{partyName(theirs.claimantPartyId)}</dd>
            <dt className="font-semibold">Status</dt>
            <dd>
              <StatusBadge status={theirs.status} />
            </dd>
            <dt className="font-semibold">Why</dt>
            <dd>{theirs.statusNote || '—'}</dd>
            <dt className="font-semibold">Published</dt>
            <dd>{theirs.published ? 'Yes' : 'No'}</dd>
          </dl>
          <div className="mt-3 flex flex-wrap gap-3">
            <button
              type="button"
              className="rounded border border-[var(--rule)] px-3 py-2 font-semibold"
              onClick={() => {
                forgetDraft(claim.id);
                if (draftKey) dropDraft(draftKey);
                router.refresh();
              }}
            >
              Take theirs
            </button>
            <button type="submit" name="overwriteVersion" value={theirs.version} className={buttonClass}>
              Save mine over theirs
            </button>
          </div>
        </section>
      ) : null}
      <input type="hidden" name="id" value={claim.id} />
      <input type="hidden" name="version" value={base.version} />
      <input type="hidden" name="savedStatus" value={status} />
      <input type="hidden" name="savedNote" value={statusNote} />
      <Field label="Statement" name="statement" multiline rows={3} defaultValue={claim.statement} state={state} required />
      <ClaimantFields parties={parties} state={state} partyId={claim.claimantPartyId} />
      <div className="mb-4">
        <label htmlFor={`${id}-status`} className="block text-sm font-semibold">
          Status
        </label>
        {/* Keyed by the submitted value: React resets a form after its action, and a remount makes that value the default. */}
        <select key={values?.status} id={`${id}-status`} name="status" defaultValue={values?.status ?? status} aria-invalid={statusErrors.length > 0} className={inputClass}>
          {STATUS_GROUPS.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.statuses.map((s) => (
                <option key={s} value={s}>
                  {STATUS_INFO[s].label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {statusHint ? <div className="mt-1">{statusHint}</div> : null}
      </div>
      <Field
        label="Why this status"
        name="statusNote"
        multiline
        rows={3}
        defaultValue={statusNote}
        hint="Required when the status changes: say what the evidence shows."
        state={state}
      />
      {claim.pendingStatus !== null ? (
        <p className="mb-4 text-sm">
          Readers see <StatusBadge status={claim.status} /> until a second editor approves this proposed change. Setting the status and note back to
          theirs withdraws the proposal.
        </p>
      ) : null}
      {wasPublic ? (
        <Field
          label="Correction note (public)"
          name="correction"
          multiline
          rows={2}
          defaultValue={claim.pendingCorrection ?? ''}
          hint={
            claim.published
              ? 'This verdict is public. If you change it, tell readers what changed and why; it appears on the corrections page.'
              : 'Readers saw another verdict before. If this one differs, tell them what changed and why; it is published with the claim.'
          }
          state={state}
        />
      ) : null}
      {reviewInstead ? (
        <p className="mb-4 rounded border border-[var(--rule)] p-2 text-sm">
          Sign-off is on: a second editor approves this claim before readers see it.
          {claim.workflow === 'ready_for_review' ? ` It is ${WORKFLOW_LABELS.ready_for_review.toLowerCase()}.` : ''}
        </p>
      ) : (
      <div className="mb-4 flex items-center gap-2">
        <input
          key={values ? `sent-${values.published}` : 'saved'}
          id={`${id}-published`}
          type="checkbox"
          name="published"
          defaultChecked={values ? values.published === 'on' : claim.published}
          className="size-5"
        />
        <label htmlFor={`${id}-published`} className="font-semibold">
          Published (readers can see this claim)
        </label>
      </div>
      )}
      {signOffRequired && claim.published ? (
        <p className="muted mb-4 text-sm">Sign-off is on: a change to this public verdict waits for a second editor’s approval; readers keep the current one meanwhile.</p>
      ) : null}
      {!answer.ok && answer.fieldErrors.published?.length ? (
        <p role="alert" className={`${fieldErrorClass} mb-4`}>
          {answer.fieldErrors.published.join(' ')}
        </p>
      ) : null}
      {theirs ? null : (
        <div className="flex flex-wrap gap-3">
          {reviewInstead && claim.workflow !== 'ready_for_review' ? (
            <>
              <SubmitButton name="review" value="on">
                Save and ask for review
              </SubmitButton>
              <SubmitButton className="rounded border border-[var(--rule)] px-4 py-2 font-semibold">Save claim</SubmitButton>
            </>
          ) : (
            <SubmitButton>Save claim</SubmitButton>
          )}
        </div>
      )}
    </form>
  );
}
