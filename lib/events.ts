import { STATUS_INFO, isStatus } from './status';

/** The kinds of entry in a claim's history (claim_events.kind). */
export const EVENT_KINDS = [
  'created',
  'edited',
  'status_changed',
  'published',
  'unpublished',
  'source_added',
  'source_updated',
  'source_removed',
  'response_added',
  'response_updated',
  'response_removed',
  'appearance_added',
  'reanchored',
  'party_merged',
  'workflow_changed',
  'assigned',
  'verdict_proposed',
  'corrected',
  'withdrawn',
  'verdict_drafted',
  'proposal_cleared',
  'external_review_confirmed',
  'external_review_rejected',
  'external_review_updated',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Newsroom-internal steps, kept out of the public history (editors still see them). */
// A verdict set while the claim is unpublished is a working note (verdict_drafted): readers see the
// verdict once, in the "published" entry, not the drafts and internal notes that led to it.
// Matching another fact-checker's review to a claim changes nothing of the claim's own record.
export const INTERNAL_EVENT_KINDS: readonly string[] = [
  'workflow_changed',
  'assigned',
  'verdict_proposed',
  'verdict_drafted',
  'proposal_cleared',
  'external_review_confirmed',
  'external_review_rejected',
  'external_review_updated',
];

const CLEARED: Record<string, string> = {
  withdrawn: 'withdrawn by its editor',
  superseded: 'replaced by a direct change',
  rejected: 'sent back with “Request changes”',
  unpublished: 'dropped when the claim was unpublished',
  claim_withdrawn: 'dropped when the claim was withdrawn',
};

type Json = Record<string, unknown> | null;

const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** One readable line for a history entry, e.g. "Status changed to Disputed". */
export function describeEvent(kind: string, before: Json, after: Json): string {
  switch (kind) {
    case 'created': {
      const status = after?.status;
      return `Claim recorded${isStatus(status) ? ` as ${STATUS_INFO[status].label}` : ''}`;
    }
    case 'status_changed':
    case 'verdict_drafted': {
      const from = before?.status;
      const to = after?.status;
      const fromLabel = isStatus(from) ? STATUS_INFO[from].label : 'unknown';
      return isStatus(to) ? `Status changed from ${fromLabel} to ${STATUS_INFO[to].label}` : 'Status changed';
    }
    case 'edited':
      return 'Claim details edited';
    case 'published': {
      const by = str(after?.verdictBy);
      const approver = str(after?.approvedBy);
      const status = after?.status;
      const published = isStatus(status) ? `Published as ${STATUS_INFO[status].label}` : 'Published';
      if (!approver) return published;
      return by ? `${published}: verdict by ${by}, approved by ${approver}` : `${published} after review by ${approver}`;
    }
    case 'corrected': {
      const from = before?.status;
      const to = after?.status;
      const change =
        isStatus(from) && isStatus(to) && from !== to
          ? `status changed from ${STATUS_INFO[from].label} to ${STATUS_INFO[to].label}`
          : 'explanation updated';
      const by = str(after?.verdictBy);
      const approver = str(after?.approvedBy);
      const names = approver ? ` (${by ? `by ${by}, ` : ''}approved by ${approver})` : '';
      return `Corrected: ${change}${names}`;
    }
    case 'verdict_proposed': {
      const to = after?.status;
      return `Verdict change proposed${isStatus(to) ? `: ${STATUS_INFO[to].label}` : ''}, awaiting review`;
    }
    case 'proposal_cleared': {
      const to = before?.status;
      const why = CLEARED[str(after?.reason)] ?? 'cleared';
      return `Proposed change${isStatus(to) ? ` to ${STATUS_INFO[to].label}` : ''} ${why}`;
    }
    case 'workflow_changed':
      return `Moved to ${str(after?.state).replaceAll('_', ' ')}`;
    case 'assigned':
      return str(after?.assignee) ? `Assigned to ${str(after?.assignee)}` : 'Unassigned';
    case 'unpublished':
      return 'Unpublished';
    case 'withdrawn':
      return 'Claim withdrawn';
    case 'source_added':
      return `Source added: ${str(after?.title) || str(after?.url)}`;
    case 'source_updated':
      return `Source updated: ${str(after?.title) || str(after?.url)}`;
    case 'source_removed':
      return `Source removed: ${str(before?.title) || str(before?.url)}`;
    case 'response_added':
      return `Response recorded from ${str(after?.party) || 'a party'}`;
    case 'response_updated':
      return `Response from ${str(after?.party) || 'a party'} updated`;
    case 'response_removed':
      return `Response from ${str(before?.party) || 'a party'} removed`;
    case 'appearance_added':
      return `Also found in “${str(after?.article)}”`;
    case 'reanchored': {
      // Appearances name their article; a claim's own article is "the article".
      const where = after?.article ? `“${str(after.article)}”` : 'the article';
      const state = str(after?.state);
      if (state === 'orphaned') return `Passage no longer found in ${where} after a revision`;
      if (state === 'fuzzy') return `Passage changed in ${where} after a revision (needs review)`;
      if (state === 'removed') return `Passage confirmed removed from ${where}`;
      if (after?.resolution === 'accepted') return `Changed passage in ${where} reviewed and accepted`;
      if (after?.resolution === 'reselected') return `Passage in ${where} selected again after a revision`;
      return `Position in ${where} updated after a revision`;
    }
    case 'external_review_confirmed':
      return `Confirmed as also checked by ${str(after?.organisation) || 'another fact-checker'}`;
    case 'external_review_updated': {
      const by = str(after?.organisation) || 'another fact-checker';
      const rating = str(before?.rating) !== str(after?.rating) ? `: “${str(before?.rating)}” is now “${str(after?.rating)}”` : '';
      return `Review by ${by} corrected by its publisher${rating}`;
    }
    case 'external_review_rejected':
      return `Review by ${str(after?.organisation) || 'another fact-checker'} marked as not about this claim`;
    case 'party_merged':
      return `${str(before?.party) || 'A party'} merged into ${str(after?.party) || 'another party'}`;
    default:
      return kind.replaceAll('_', ' ');
  }
}

/** The note attached to an event, where it has one: a correction's note, else why a status changed. */
export function eventNote(kind: string, after: Json): string {
  if (kind === 'corrected') return str(after?.correction);
  if (kind === 'withdrawn') return str(after?.note);
  return ['status_changed', 'verdict_drafted', 'published', 'workflow_changed', 'reanchored'].includes(kind) ? str(after?.note) : '';
}
