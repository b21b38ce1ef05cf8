// Test setup for e2e/authorization.spec.ts: the things its actions act on, made with the
// app’s own queries in the e2e database (the claims are drafts, so readers never see them).
// Input: JSON { editor, admin, disabled, victim } user ids on argv[2]; prints the ids (the spec’s Fixtures type) as JSON.
import { randomUUID } from 'node:crypto';
import { createArticle } from '@/db/queries/articles';
import { claimJob, enqueue, failJob } from '@/db/queries/jobs';
import { write } from '@/db/queries/tx';
import { recordFetchedText } from '@/db/queries/watches';
import { DEFAULT_WATCH_SCHEDULE, parseWatchSchedule, type WatchStep } from '@/lib/watch';
import { createClaim, updateClaim } from '@/db/queries/claims';
import { getDb } from '@/db';
import { markDemo } from '@/db/queries/demo';
import { importExternalReviews, listExternalReviews } from '@/db/queries/external-reviews';
import { createParty } from '@/db/queries/parties';
import { createInvite } from '@/db/queries/users';
import { createRevision } from '@/db/queries/revisions';
import { addResponse, attachSource } from '@/db/queries/sources';
import { assignClaim, moveClaim } from '@/db/queries/workflow';
import { createAnchor } from '@/lib/anchor';
import { parsedReview } from '@/lib/testing/claim-review-fixtures';

// `site`: the spec's own web site on loopback, where the cited sources and watched articles are (so the jobs the matrix queues succeed).
type Input = { editor: string; admin: string; disabled: string; victim: string; site: string };
const users = JSON.parse(process.argv[2] ?? '{}') as Input;
const tag = randomUUID().slice(0, 8);
const FRUITS = ['apple', 'pear', 'plum', 'cherry', 'quince', 'damson', 'medlar', 'apricot', 'greengage', 'sloe', 'rowan', 'elder'];

/** An article of one sentence per fruit, and a claim on each sentence. */
function articleWithClaims(title: string, sentence: (fruit: string, i: number) => string) {
  const sentences = FRUITS.map(sentence);
  const article = createArticle({ title: `${title} ${tag}`, outlet: 'Matrix Gazette', body: sentences.join('\n\n'), actorId: null });
  const claims = sentences.map((s) => {
    const start = article.body.indexOf(s);
    return createClaim({ articleId: article.id, anchor: createAnchor(article.body, start, start + s.length)!, actorId: null });
  });
  return { article, sentences, claims: claims.map((c) => c.id) };
}

// Claims whose passages all changed in a revision: the anchor review's targets.
const review = articleWithClaims('Matrix orchard review', (fruit, i) => `The ${fruit} growers said the ${tag} harvest rose by ${i + 11} per cent`);
createRevision({ articleId: review.article.id, body: review.sentences.map((s) => s.replace('rose by', 'went up by')).join('\n\n'), actorId: null });

// Claims tracked in one article, and another article repeating the first one's passage (to link as an appearance).
const home = articleWithClaims('Matrix orchard report', (fruit, i) => `Inspectors counted ${i + 3} ${fruit} trees in the ${tag} orchard district last spring`);
const elsewhereBody = `${home.sentences[0]}.\n\nThe ministry said the ${tag} orchard grant would rise by 40 per cent next year.\n\nGrowers said 12 ${tag} farms had closed since 2020.`;
const elsewhere = createArticle({ title: `Matrix orchard follow-up ${tag}`, outlet: 'Matrix Gazette', body: elsewhereBody, actorId: null });
const passageStart = elsewhere.body.indexOf(home.sentences[0]!);
const passage = { start: passageStart, end: passageStart + home.sentences[0]!.length, exact: home.sentences[0]! };

const [cited, take, assignOther, ...rest] = home.claims as [number, number, number, ...number[]];
for (let i = 0; i < 3; i++) {
  attachSource({ claimId: cited, source: { url: `https://records.example/matrix/${tag}/${i}`, title: `Matrix record ${i}` }, relation: 'supports', actorId: null });
  addResponse({ claimId: cited, newPartyName: `Matrix responder ${tag} ${i}`, stance: 'disputes', quote: `Matrix reply ${i}`, actorId: null });
}

// A source per caller to archive again (on the spec's site), not archived when cited so each caller's request is the one that queues its copy.
const archive = Object.fromEntries(
  (['anonymous', 'disabled', 'editor', 'admin'] as const).map((who) => {
    const { source } = attachSource({
      claimId: cited,
      source: { url: `${users.site}/matrix/${tag}/${who}`, title: `Matrix archive ${who}` },
      relation: 'context',
      actorId: null,
      archive: false,
    });
    return [who, source.id];
  }),
);

// A failed job per caller to retry, of a kind no runner handles, so it stays as the caller leaves it.
const retry = Object.fromEntries(
  (['anonymous', 'disabled', 'editor', 'admin'] as const).map((who) => {
    enqueue({ kind: 'matrix-noop', payload: { who }, key: `matrix:${tag}:${who}`, runAt: new Date() });
    const job = claimJob({ runner: 'matrix', now: new Date(), leaseMs: 60_000, kinds: ['matrix-noop'] })!;
    failJob({ job, error: `Matrix failure for ${who}`, now: new Date(), retry: false });
    return [who, job.id];
  }),
);

// Articles imported from a web address, watched, each with a change the outlet made waiting for a decision:
// one per caller and action (accept, dismiss, check now).
const watchSchedule = parseWatchSchedule(DEFAULT_WATCH_SCHEDULE) as WatchStep[];
const watched = (action: string) =>
  Object.fromEntries(
    (['anonymous', 'disabled', 'editor', 'admin'] as const).map((who) => {
      const body = `The ${tag} ferry to ${who} island ran every hour, the operator said.`;
      const url = `${users.site}/matrix/${tag}/${action}/${who}`;
      const article = createArticle({ title: `Matrix watched ${action} ${who} ${tag}`, body, actorId: null, watch: { url, removedParagraphs: [], schedule: watchSchedule } });
      const pendingId = write((tx) => recordFetchedText(tx, { articleId: article.id, body: body.replace('every hour', 'twice a day'), fetchedUrl: url, now: new Date() }));
      return [who, { articleId: article.id, pendingId: pendingId! }];
    }),
  );
const outletChanges = { accept: watched('accept'), dismiss: watched('dismiss'), check: watched('check') };

// Each caller drops a claim assigned to them (a signed-out caller, one assigned to someone else).
const dropper = { anonymous: users.victim, disabled: users.disabled, editor: users.editor, admin: users.admin };
const drop = Object.fromEntries(
  Object.entries(dropper).map(([who, id], i) => {
    const claimId = rest[i]!;
    assignClaim({ id: claimId, assigneeId: id, actor: { id: users.admin, role: 'admin' } });
    return [who, claimId];
  }),
);

/** A draft whose verdict `by` set, waiting for review. */
function readyForReview(claimId: number, by: string) {
  const claim = updateClaim({ id: claimId, version: 1, patch: { status: 'false', statusNote: 'Matrix records disagree.' }, actorId: by });
  const started = moveClaim({ id: claim.id, to: 'in_progress', actorId: by, version: claim.version });
  moveClaim({ id: claim.id, to: 'ready_for_review', actorId: by, version: started.version });
  return claim.id;
}
const verdicts = articleWithClaims('Matrix orchard verdicts', (fruit, i) => `Officials said ${i + 5} ${fruit} presses in the ${tag} valley were idle`);
const [o1, o2, o3, ...own] = verdicts.claims as [number, number, number, ...number[]];
const approveOthers = [o1, o2, o3].map((id) => readyForReview(id, users.victim));
const approveOwn = Object.fromEntries(Object.entries(dropper).map(([who, id], i) => [who, readyForReview(own[i]!, id)]));

// Each caller deletes a draft of their own and an article of drafts, and withdraws a published claim.
const endings = articleWithClaims('Matrix orchard endings', (fruit, i) => `Pickers said ${i + 20} ${fruit} crates in the ${tag} sheds had spoiled`);
const whos = Object.keys(dropper);
const deleteDraft = Object.fromEntries(whos.map((who, i) => [who, endings.claims[i]!]));
const withdraw = Object.fromEntries(
  whos.map((who, i) => {
    const id = endings.claims[whos.length + i]!;
    // Published by the system, as a second editor's approval would.
    updateClaim({ id, version: 1, patch: { published: true }, actorId: null });
    return [who, id];
  }),
);
const deleteArticle = Object.fromEntries(whos.map((who) => [who, articleWithClaims(`Matrix orchard draft for ${who}`, (fruit) => `A ${fruit} grower said ${tag} was a good year`).article.id]));

// Another fact-checker's review of a claim per caller, suggested by the similarity search, for the caller to confirm.
const MINERALS = ['zircon', 'obsidian', 'malachite', 'tourmaline'];
const checkedSentences = whos.map((_, i) => `Auditors found ${MINERALS[i]} glaze on ${tag} orchard crates`);
const checked = createArticle({ title: `Matrix orchard fact-checks ${tag}`, outlet: 'Matrix Gazette', body: checkedSentences.join('\n\n'), actorId: null });
const checkedClaims = checkedSentences.map((s) => {
  const start = checked.body.indexOf(s);
  return createClaim({ articleId: checked.id, anchor: createAnchor(checked.body, start, start + s.length)!, actorId: null }).id;
});
importExternalReviews({
  reviews: whos.map((who, i) =>
    parsedReview({ reviewUrl: `https://matrix-checks.example/${tag}/${who}`, organisation: 'Matrix Fact Desk', claimReviewed: checkedSentences[i]! }),
  ),
  kind: 'file',
  source: 'matrix.json',
  actorId: null,
});
const externalMatch = Object.fromEntries(
  whos.map((who, i) => {
    const review = listExternalReviews({ open: true }).find((r) => r.reviewUrl.endsWith(`${tag}/${who}`))!;
    const match = review.matches.find((m) => m.claimId === checkedClaims[i])!;
    return [who, { reviewId: review.id, claimId: match.claimId, version: match.version }];
  }),
);

// A claim per caller that the search did not suggest for that caller's review, to name by hand.
const named = articleWithClaims('Matrix orchard by hand', (fruit, i) => `The ${fruit} cooperative in ${tag} hired ${i + 60} seasonal pickers`);
const externalManual = Object.fromEntries(whos.map((who, i) => [who, { reviewId: externalMatch[who]!.reviewId, claimId: named.claims[i]! }]));

// A review per caller that no reader sees, to remove.
importExternalReviews({
  reviews: whos.map((who) => parsedReview({ reviewUrl: `https://matrix-checks.example/${tag}/remove-${who}`, organisation: 'Matrix Fact Desk', claimReviewed: `Balloonists over ${tag} saw ${who} comets` })),
  kind: 'file',
  source: 'matrix-remove.json',
  actorId: null,
});
const externalRemove = Object.fromEntries(
  whos.map((who) => [who, getDb().$client.prepare('select id from external_reviews where review_url = ?').pluck().get(`https://matrix-checks.example/${tag}/remove-${who}`) as number]),
);

// Removing the demo removes a demo of the matrix's own: the first-run demo is set aside (unmarked) until
// the spec puts it back (e2e/support/matrix-restore-demo.ts), so later specs still find it.
const raw = getDb().$client;
const setAside = {
  articleIds: raw.prepare('select id from articles where demo = 1').pluck().all() as number[],
  partyIds: raw.prepare('select id from parties where demo = 1').pluck().all() as number[],
  sourceUrls: raw.prepare('select url from sources where demo = 1').pluck().all() as string[],
};
raw.exec('update articles set demo = 0 where demo = 1; update parties set demo = 0 where demo = 1; update sources set demo = 0 where demo = 1');
const matrixDemo = articleWithClaims('Matrix demo orchard', (fruit, i) => `The demo said ${i + 30} ${fruit} boxes were sold in ${tag}`);
markDemo({ articleIds: [matrixDemo.article.id], partyIds: [], sourceUrls: [] });

const keep = createParty({ name: `Matrix cooperative ${tag}` });
const duplicates = [1, 2, 3].map((n) => createParty({ name: `Matrix cooperative ${tag} duplicate ${n}` }).id);

// An invitation per caller to withdraw (made by the matrix's admin, as the People page's form makes them).
const revokeInvites = Object.fromEntries(
  whos.map((who) => [who, createInvite({ role: 'editor', email: `matrix-${tag}-${who}@newsroom.example`, createdBy: users.admin, ttlMs: 60 * 60 * 1000 }).invite.id]),
);

console.log(
  JSON.stringify({
    review: { articleId: review.article.id, claimIds: review.claims },
    link: { articleId: elsewhere.id, passage, claimIds: home.claims },
    cited,
    take,
    assignOther,
    drop,
    archive,
    retry,
    outletChanges,
    approveOthers,
    approveOwn,
    merge: { keepId: keep.id, duplicates },
    demo: { articleId: matrixDemo.article.id, setAside },
    endings: { articleId: endings.article.id, deleteDraft, withdraw },
    deleteArticle,
    externalMatch,
    externalManual,
    externalRemove,
    revokeInvites,
  }),
);
