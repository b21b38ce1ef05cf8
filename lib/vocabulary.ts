/** The fixed word lists of the data model other than statuses (see lib/status.ts). */

export const PARTY_KINDS = ['person', 'organization', 'government', 'media'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];
export const PARTY_KIND_LABELS: Record<PartyKind, string> = {
  person: 'Person',
  organization: 'Organization',
  government: 'Government',
  media: 'Media',
};

export const RELATIONS = ['supports', 'contradicts', 'context'] as const;
export type Relation = (typeof RELATIONS)[number];
export const RELATION_LABELS: Record<Relation, string> = {
  supports: 'Supports',
  contradicts: 'Contradicts',
  context: 'Context',
};

export const STANCES = [
  'confirms',
  'partly_confirms',
  'disputes',
  'denies',
  'declines_to_comment',
  'no_response',
] as const;
export type Stance = (typeof STANCES)[number];
export const STANCE_LABELS: Record<Stance, string> = {
  confirms: 'confirms',
  partly_confirms: 'partly confirms',
  disputes: 'disputes',
  denies: 'denies',
  declines_to_comment: 'declines to comment',
  no_response: 'did not respond',
};

export const ROLES = ['admin', 'editor'] as const;
export const PASSWORD_MIN_LENGTH = 12;
