/**
 * The claim status vocabulary: the only module that knows the list of statuses,
 * their words, colours, icons and their schema.org ClaimReview rating.
 */
export const STATUSES = [
  'unverified',
  'confirmed',
  'partly_true',
  'disputed',
  'false',
  'retracted',
  'opinion',
  'prediction',
  'not_checkable',
] as const;
export type Status = (typeof STATUSES)[number];

export type StatusInfo = {
  label: string;
  description: string;
  /** One glyph shown beside the label so the status never depends on colour alone. */
  icon: string;
  /** Colours for light and dark backgrounds (badge, highlight, share image). */
  colour: { fg: string; bg: string; darkFg: string; darkBg: string; solid: string };
  /** schema.org reviewRating on a 1–5 scale; null when the status is not a verdict. */
  rating: { value: number; alternateName: string } | null;
  /**
   * False for passages no evidence can settle (an opinion, a prediction): tracked like any
   * claim, but never given a verdict, never in ClaimReview, never counted with the verdicts.
   */
  checkable: boolean;
};

export const RATING_SCALE = { best: 5, worst: 1 } as const;

export const STATUS_INFO: Record<Status, StatusInfo> = {
  unverified: {
    label: 'Unverified',
    description: 'Not checked yet: the evidence has not been weighed.',
    icon: '?',
    colour: { fg: '#374151', bg: '#e5e7eb', darkFg: '#e5e7eb', darkBg: '#374151', solid: '#6b7280' },
    rating: null,
    checkable: true,
  },
  confirmed: {
    label: 'Confirmed',
    description: 'The evidence supports the claim as stated.',
    icon: '✓',
    colour: { fg: '#14532d', bg: '#bbf7d0', darkFg: '#bbf7d0', darkBg: '#14532d', solid: '#15803d' },
    rating: { value: 5, alternateName: 'Confirmed' },
    checkable: true,
  },
  partly_true: {
    label: 'Partly true',
    description: 'Some of the claim holds up; part of it is wrong or missing context.',
    icon: '◐',
    colour: { fg: '#134e4a', bg: '#99f6e4', darkFg: '#99f6e4', darkBg: '#134e4a', solid: '#0f766e' },
    rating: { value: 3, alternateName: 'Partly true' },
    checkable: true,
  },
  disputed: {
    label: 'Disputed',
    description:
      'A party with standing contests the claim and the evidence is not settled. This is not a verdict.',
    icon: '!',
    colour: { fg: '#78350f', bg: '#fde68a', darkFg: '#fde68a', darkBg: '#78350f', solid: '#b45309' },
    rating: null,
    checkable: true,
  },
  false: {
    label: 'False',
    description: 'The evidence contradicts the claim.',
    icon: '✗',
    colour: { fg: '#7f1d1d', bg: '#fecaca', darkFg: '#fecaca', darkBg: '#7f1d1d', solid: '#b91c1c' },
    rating: { value: 1, alternateName: 'False' },
    checkable: true,
  },
  retracted: {
    label: 'Retracted',
    description: 'The outlet withdrew the claim from its reporting.',
    icon: '⊘',
    colour: { fg: '#581c87', bg: '#e9d5ff', darkFg: '#e9d5ff', darkBg: '#581c87', solid: '#7e22ce' },
    rating: null,
    checkable: true,
  },
  // Not checkable: the editor records why in the status note; readers see the label instead of a verdict.
  opinion: {
    label: 'Opinion',
    description: 'A view or judgement, not a statement of fact: there is nothing to check.',
    icon: '❝',
    colour: { fg: '#312e81', bg: '#e0e7ff', darkFg: '#e0e7ff', darkBg: '#312e81', solid: '#4338ca' },
    rating: null,
    checkable: false,
  },
  prediction: {
    label: 'Prediction',
    description: 'A statement about the future: it cannot be checked yet.',
    icon: '↗',
    colour: { fg: '#0c4a6e', bg: '#bae6fd', darkFg: '#bae6fd', darkBg: '#0c4a6e', solid: '#0369a1' },
    rating: null,
    checkable: false,
  },
  not_checkable: {
    label: 'Not checkable',
    description: 'No evidence could settle this claim either way, so it gets no verdict.',
    icon: '∅',
    colour: { fg: '#292524', bg: '#e7e5e4', darkFg: '#e7e5e4', darkBg: '#44403c', solid: '#57534e' },
    rating: null,
    checkable: false,
  },
};

export const DEFAULT_STATUS: Status = 'unverified';

/** Statuses a claim can be checked against, in order: the ones counted and shown as verdict tallies. */
export const CHECKABLE_STATUSES = STATUSES.filter((s) => STATUS_INFO[s].checkable);
/** Opinion, prediction and the like: tracked, labelled, never a verdict. */
export const NOT_CHECKABLE_STATUSES = STATUSES.filter((s) => !STATUS_INFO[s].checkable);

/**
 * Claim counts by status as lists show them: a tally per checkable status (those with any
 * claims, in vocabulary order) and, apart from it, how many claims cannot be checked at all.
 */
export function statusTally(counts: Partial<Record<Status, number>>) {
  return {
    checkable: CHECKABLE_STATUSES.filter((s) => (counts[s] ?? 0) > 0).map((status) => ({ status, count: counts[status]! })),
    notCheckable: NOT_CHECKABLE_STATUSES.reduce((n, s) => n + (counts[s] ?? 0), 0),
  };
}

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

/** CSS for `.status-<name>` classes (badge and highlight colours, light and dark). */
export function statusCss(): string {
  const rules = STATUSES.map((s) => {
    const c = STATUS_INFO[s].colour;
    return `.status-${s}{--st-fg:${c.fg};--st-bg:${c.bg};--st-solid:${c.solid};--st-chart:${c.solid}}`;
  });
  const dark = STATUSES.map((s) => {
    const c = STATUS_INFO[s].colour;
    // Chart marks on a dark page: the light shade, which stands out there as the solid one does on white.
    return `.status-${s}{--st-fg:${c.darkFg};--st-bg:${c.darkBg};--st-chart:${c.darkFg}}`;
  });
  return `${rules.join('')}@media (prefers-color-scheme: dark){${dark.join('')}}`;
}
