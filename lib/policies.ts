/**
 * The newsroom's public policy pages (IFCN asks for each): their names, addresses and the
 * texts a new newsroom starts with. Admins rewrite them as Markdown; every save is a new
 * version and the old ones stay readable.
 */
export const POLICY_PAGES = ['methodology', 'ratings', 'corrections', 'contact'] as const;
export type PolicyPage = (typeof POLICY_PAGES)[number];

export const POLICY_INFO: Record<PolicyPage, { title: string; summary: string }> = {
  methodology: {
    title: 'How we choose and check claims',
    summary: 'Which claims we pick, how we weigh the evidence and how parties get to reply.',
  },
  ratings: {
    title: 'Rating scale',
    summary: 'What each status means and how it maps to a fact-check rating.',
  },
  corrections: {
    title: 'Corrections policy',
    summary: 'When and how we correct a published verdict.',
  },
  contact: {
    title: 'Contact us and submit a claim',
    summary: 'How to reach the newsroom, ask for a correction or suggest a claim to check.',
  },
};

export const policyPath = (page: PolicyPage) => `/about/${page}`;
export const policyHistoryPath = (page: PolicyPage) => `/about/${page}/history`;

export function isPolicyPage(value: unknown): value is PolicyPage {
  return typeof value === 'string' && (POLICY_PAGES as readonly string[]).includes(value);
}

/** Longest policy text accepted (characters): several pages of prose, far below any form limit. */
export const POLICY_MAX_CHARS = 60_000;

/** What a newsroom's pages say until an admin rewrites them. */
export const DEFAULT_POLICY_TEXT: Record<PolicyPage, string> = {
  methodology: `We check factual claims made in the news: statements about numbers, events, laws and records that evidence can settle.

## How we choose claims

- We read the articles we cover in full and mark every checkable statement, not only the ones that look wrong.
- We give priority to claims that many people read, that matter for decisions people make, and that can be checked with public evidence.
- We check claims from every side in the same way. Who made a claim does not decide whether we check it.
- Opinions and predictions are marked as such and get no verdict.

## How we check them

1. We find the claim's original source and quote it exactly, in context.
2. We look for primary evidence: official statistics, court records, laws, studies and the documents the claim refers to.
3. We link every source we used, so you can follow our work and reach your own conclusion.
4. We ask the person or organisation concerned for their side and give them a deadline to reply. Their answer, or the fact that none came, is shown on the claim's page.
5. A second editor reads every verdict before it is published when the newsroom requires sign-off.

## Independence

We do not take money from parties whose claims we check, and we say so when one of our own journalists is involved.`,
  ratings: `Every claim gets one status. Only some statuses are verdicts; the others say that a claim has not been checked yet, is contested, or cannot be checked at all.

The table below is the scale as it is used on every claim page.`,
  corrections: `We correct our mistakes openly.

- When a verdict changes after it was published, the claim page says what it was, what it is now and why. The change is also listed on our [corrections page](/corrections).
- We never delete a published claim. If it has to go, it is withdrawn and its page says why.
- Small fixes that do not change a verdict (a typo, a broken link) are made without a note.

To ask for a correction, write to us (see [contact](/about/contact)) with the address of the claim page and what you think is wrong. We answer every request.`,
  contact: `## Write to us

Send corrections, complaints and questions to the newsroom by email. Replace this text with your newsroom's address and postal details.

## Suggest a claim

Seen a claim you want us to check? Send us the statement, where it was made (a link or the publication and date) and why it matters. We cannot check every suggestion, and we decide what to check by the rules on our [methodology page](/about/methodology).`,
};
