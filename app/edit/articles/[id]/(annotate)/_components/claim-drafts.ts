import { submittedValues } from '@/lib/form-values';
import type { EditableClaim } from './claim-editor-form';

/**
 * What an editor typed into a claim's form and has not sent, with the claim as it was when they
 * began. The form is drawn afresh (remounted) on every new version of the claim, and a new version
 * comes from more than this form's saves: the panel's own workflow buttons ("Start checking"), an
 * assignment, another editor's save seen on a refresh. Each once wiped what was being typed.
 * Kept in the browser tab only, for as long as the page's scripts live.
 */
type Draft = { base: EditableClaim; values: Record<string, string> };
const drafts = new Map<number, Draft>();

export function rememberDraft(base: EditableClaim, form: HTMLFormElement) {
  drafts.set(base.id, { base, values: submittedValues(new FormData(form)) });
}

export function forgetDraft(claimId: number) {
  drafts.delete(claimId);
}

// The parts of a claim its form edits: another version that changed none of them changed only its workflow or assignment.
const EDITED = ['statement', 'claimantPartyId', 'status', 'statusNote', 'published', 'pendingStatus', 'pendingStatusNote', 'pendingCorrection'] as const;

/**
 * For a form drawn on a newer version of the claim than the one its typing began on: the typed
 * values, and the version the save carries. When that version changed nothing the form edits, the
 * save goes on from it; else from the version the typing began on, so the save is answered with
 * the other version beside the typed one (the form's conflict view), never written over it.
 */
export function keptDraft(claim: EditableClaim): { values: Record<string, string>; base: EditableClaim; theirsChanged: boolean } | null {
  const draft = drafts.get(claim.id);
  if (!draft || draft.base.version >= claim.version) return null;
  const theirsChanged = EDITED.some((field) => draft.base[field] !== claim[field]);
  return { values: draft.values, base: theirsChanged ? draft.base : claim, theirsChanged };
}
