import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { FormClient, freshFormKey } from '../scripts/lib/form-client';
import { expect, test } from './fixtures';
import { joinedOverHttp } from './pages/auth';
import { runSetup } from './support/setup';

// Every server action, posted straight over HTTP (as a script would, without the
// pages that hide buttons) by a signed-out visitor, a disabled editor, an editor and
// an admin. Whether it happened is read from the database, not from the response.
// Each case names its action; app/actions.test.ts fails when an action has no case.

type Who = 'anonymous' | 'disabled' | 'editor' | 'admin';
const EVERYONE: Who[] = ['anonymous', 'disabled', 'editor', 'admin'];
const base = `http://127.0.0.1:${process.env.E2E_PORT}`;

function query<T>(sql: string, ...params: unknown[]): T {
  const db = new Database(process.env.E2E_DATABASE_PATH!, { readonly: true });
  try {
    return db.prepare(sql).pluck().get(...params) as T;
  } finally {
    db.close();
  }
}

async function member(role: 'admin' | 'editor') {
  const { account, client } = await joinedOverHttp(role, role === 'admin' ? 'Matrix admin' : 'Matrix editor');
  const id = query<string>('select id from users where email = ?', account.email.toLowerCase());
  return { client, id };
}

type Fixtures = {
  review: { articleId: number; claimIds: number[] };
  link: { articleId: number; passage: { start: number; end: number; exact: string }; claimIds: number[] };
  cited: number;
  take: number;
  assignOther: number;
  drop: Record<Who, number>;
  archive: Record<Who, number>;
  retry: Record<Who, number>;
  outletChanges: Record<'accept' | 'dismiss' | 'check', Record<Who, { articleId: number; pendingId: number }>>;
  approveOthers: number[];
  approveOwn: Record<Who, number>;
  merge: { keepId: number; duplicates: number[] };
  demo: { articleId: number; setAside: { articleIds: number[]; partyIds: number[]; sourceUrls: string[] } };
  endings: { articleId: number; deleteDraft: Record<Who, number>; withdraw: Record<Who, number> };
  deleteArticle: Record<Who, number>;
  externalMatch: Record<Who, { reviewId: number; claimId: number; version: number }>;
  externalManual: Record<Who, { reviewId: number; claimId: number }>;
  externalRemove: Record<Who, number>;
  revokeInvites: Record<Who, number>;
};

/** What the actions act on, stored by e2e/support/matrix-fixtures.ts with the app's own queries. */
function fixtures(input: { editor: string; admin: string; disabled: string; victim: string; site: string }): Fixtures {
  return runSetup<Fixtures>('matrix-fixtures.ts', input);
}

type Attempt = { fields: Record<string, string>; happened: () => boolean };

type Case = {
  /** The server action's export name. */
  action: string;
  name: string;
  /** Who may do it. */
  allowed: Who[];
  /** A page where an admin finds the action's form, a field that identifies the form, and its button if fields are shared. */
  page: string;
  field: string;
  button?: RegExp;
  /** Fields for one caller's attempt, and whether that attempt changed the database. */
  attempt: (who: Who) => Attempt;
};

test('every server action allows exactly the roles it should, whoever calls it over HTTP', async () => {
  test.setTimeout(180_000);
  const admin = await member('admin');
  const editor = await member('editor');
  const disabled = await member('editor');
  const victim = await member('editor');
  const clients: Record<Who, FormClient> = {
    anonymous: new FormClient(base),
    disabled: disabled.client,
    editor: editor.client,
    admin: admin.client,
  };
  // A caller's own account, for take, drop and approve; a signed-out caller has none and uses another editor's.
  const self: Record<Who, string> = { anonymous: victim.id, disabled: disabled.id, editor: editor.id, admin: admin.id };
  // A news site on loopback: an import preview stores nothing, so whether it happened is whether the server fetched the page.
  // The fixtures' cited sources and watched articles live here too, so the copies and checks the matrix queues succeed
  // instead of leaving failed jobs and sources needing attention for the specs after this one.
  const fetched = new Set<string>();
  const site = http.createServer((req, res) => {
    fetched.add(req.url ?? '');
    // Another fact-checker's feed: one ClaimReview whose address names the request.
    if (req.url?.startsWith('/feed-')) {
      const review = {
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        url: `https://matrix-checks.example${req.url}`,
        claimReviewed: 'The ferry runs every hour.',
        author: { '@type': 'Organization', name: 'Matrix Fact Desk' },
        reviewRating: { '@type': 'Rating', alternateName: 'Accurate' },
      };
      res.writeHead(200, { 'content-type': 'application/ld+json' }).end(JSON.stringify(review));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<title>Ferry</title><p>The ferry runs every hour, the mayor said.</p>');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const siteBase = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  const f = fixtures({ editor: editor.id, admin: admin.id, disabled: disabled.id, victim: victim.id, site: siteBase });
  const articleId = query<number>('select id from articles order by id limit 1');
  const body = query<string>(
    'select r.body from article_revisions r join articles a on a.current_revision_id = r.id where a.id = ?',
    articleId,
  );
  const sentenceEnd = body.indexOf('.') + 1;
  const claimId = query<number>('select id from claims where article_id = ? order by id limit 1', articleId);
  const partyId = query<number>('select id from parties order by id limit 1');
  // Revised in its own article, so the passages chosen above stay where they are.
  const revisedId = query<number>("select id from articles where title not like 'Matrix%' order by id desc limit 1");
  const disableForm = await admin.client.readForm('/edit/users', 'userId');
  const disabledOff = await admin.client.post('/edit/users', disableForm, { userId: disabled.id, disabled: 'true' });
  expect(disabledOff.status).toBeLessThan(400);
  expect(query('select disabled_at from users where id = ?', disabled.id)).not.toBeNull();

  const workflowOf = (id: number) => query<string>('select workflow from claims where id = ?', id);
  const versionOf = (id: number) => query<number>('select version from claims where id = ?', id);
  const assigneeOf = (id: number) => query<string | null>('select assignee_id from claims where id = ?', id);
  const anchorStateOf = (id: number) => query<string>('select anchor_state from claims where id = ?', id);
  /** The first claim of the review fixture still waiting for review: each allowed attempt resolves one. */
  const fuzzyClaim = () => {
    const id = query<number>(
      `select id from claims where id in (${f.review.claimIds.join(',')}) and anchor_state = 'fuzzy' order by id limit 1`,
    );
    return { id, version: query<number>('select version from claims where id = ?', id) };
  };
  const reviewFields = (c: { id: number; version: number }) => ({
    articleId: String(f.review.articleId),
    claimId: String(c.id),
    appearanceId: '',
    version: String(c.version),
  });
  const reviewPage = `/edit/articles/${f.review.articleId}/review`;
  const { passage } = f.link;


  const cases: Case[] = [
    {
      action: 'createArticleAction',
      name: 'preview an article imported from its address',
      allowed: ['editor', 'admin'],
      page: '/edit/articles/new',
      field: 'text',
      attempt: (who) => {
        const path = `/matrix-${who}-${randomUUID()}`;
        return { fields: { mode: 'url', url: `${siteBase}${path}`, intent: 'preview' }, happened: () => fetched.has(path) };
      },
    },
    {
      action: 'createArticleAction',
      name: 'create an article',
      allowed: ['editor', 'admin'],
      page: '/edit/articles/new',
      field: 'text',
      attempt: () => {
        const title = `Matrix article ${randomUUID()}`;
        return {
          fields: { mode: 'text', title, text: 'The mayor said the ferry runs every hour.' },
          happened: () => query<number>('select count(*) from articles where title = ?', title) > 0,
        };
      },
    },
    {
      action: 'createRevisionAction',
      name: 'revise an article',
      allowed: ['editor', 'admin'],
      page: `/edit/articles/${revisedId}/revise`,
      field: 'body',
      attempt: () => {
        const marker = `Matrix revision ${randomUUID()}`;
        return {
          fields: {
            mode: 'text',
            articleId: String(revisedId),
            baseRevisionId: String(query<number>('select current_revision_id from articles where id = ?', revisedId)),
            body: `${marker}.\n\nThe rest of the article was cut.`,
          },
          happened: () => query<number>('select count(*) from article_revisions where body like ?', `${marker}%`) > 0,
        };
      },
    },
    {
      action: 'createClaimAction',
      name: 'create a claim',
      allowed: ['editor', 'admin'],
      page: `/edit/articles/${articleId}?start=0&end=${sentenceEnd}`,
      field: 'exact',
      attempt: () => {
        const statement = `Matrix claim ${randomUUID()}`;
        return {
          fields: { statement },
          happened: () => query<number>('select count(*) from claims where statement = ?', statement) > 0,
        };
      },
    },
    {
      action: 'saveClaimAction',
      name: 'save a claim',
      allowed: ['editor', 'admin'],
      page: `/edit/articles/${articleId}?claim=${claimId}`,
      field: 'version',
      attempt: () => {
        const note = `Matrix note ${randomUUID()}`;
        const current = query<number>('select version from claims where id = ?', claimId);
        return {
          // The claim may be published: a verdict change then carries a correction note and,
          // under sign-off, waits as a pending change.
          fields: { version: String(current), statusNote: note, correction: 'Matrix correction' },
          happened: () =>
            query<number>('select count(*) from claims where id = ? and ? in (status_note, pending_status_note)', claimId, note) > 0,
        };
      },
    },
    {
      action: 'linkAppearanceAction',
      name: 'link a passage to a claim tracked elsewhere',
      allowed: ['editor', 'admin'],
      page: `/edit/articles/${f.link.articleId}?start=${passage.start}&end=${passage.end}`,
      field: 'claimId',
      attempt: () => {
        // A claim not yet linked to this article: each allowed attempt links one.
        const id = query<number>(
          `select id from claims where id in (${f.link.claimIds.join(',')})
             and id not in (select claim_id from claim_appearances where article_id = ?) order by id limit 1`,
          f.link.articleId,
        );
        return {
          fields: { articleId: String(f.link.articleId), ...stringify(passage), claimId: String(id) },
          happened: () =>
            query<number>('select count(*) from claim_appearances where claim_id = ? and article_id = ?', id, f.link.articleId) > 0,
        };
      },
    },
    {
      action: 'dismissSuggestionAction',
      name: 'dismiss a suggestion',
      allowed: ['editor', 'admin'],
      page: `/edit/articles/${f.link.articleId}`,
      field: 'exact',
      button: /^Dismiss suggestion/,
      attempt: () => {
        const exact = `Matrix suggestion ${randomUUID()}`;
        return {
          fields: { articleId: String(f.link.articleId), exact },
          happened: () => query<number>('select count(*) from suggestion_dismissals where exact = ?', exact) > 0,
        };
      },
    },
    {
      action: 'acceptAnchorAction',
      name: 'accept the proposed passage after a revision',
      allowed: ['editor', 'admin'],
      page: reviewPage,
      field: 'claimId',
      button: /^Accept new passage/,
      attempt: () => {
        const claim = fuzzyClaim();
        return { fields: reviewFields(claim), happened: () => anchorStateOf(claim.id) === 'anchored' };
      },
    },
    {
      action: 'reselectAnchorAction',
      name: 'select a claim’s words again after a revision',
      allowed: ['editor', 'admin'],
      page: reviewPage,
      field: 'quote',
      attempt: () => {
        const claim = fuzzyClaim();
        // The proposed passage: words that stand once in the current text.
        const [start, end] = [
          query<number>('select anchor_start from claims where id = ?', claim.id),
          query<number>('select anchor_end from claims where id = ?', claim.id),
        ];
        const current = query<string>(
          'select r.body from article_revisions r join articles a on a.current_revision_id = r.id where a.id = ?',
          f.review.articleId,
        );
        return {
          fields: { ...reviewFields(claim), quote: current.slice(start, end) },
          happened: () => anchorStateOf(claim.id) === 'anchored',
        };
      },
    },
    {
      action: 'removeAnchorAction',
      name: 'mark a passage as removed from the article',
      allowed: ['editor', 'admin'],
      page: reviewPage,
      field: 'note',
      attempt: () => {
        const claim = fuzzyClaim();
        return {
          fields: { ...reviewFields(claim), note: 'Matrix: the outlet cut this sentence.' },
          happened: () => anchorStateOf(claim.id) === 'removed',
        };
      },
    },
    {
      action: 'saveSourceAction',
      name: 'add a source to a claim',
      allowed: ['editor', 'admin'],
      page: `/edit/claims/${claimId}`,
      field: 'relation',
      attempt: () => {
        const url = `https://records.example/matrix/${randomUUID()}`;
        return {
          fields: { sourceId: '', url, title: 'Matrix source', relation: 'supports' },
          happened: () => query<number>('select count(*) from sources where url = ?', url) > 0,
        };
      },
    },
    {
      action: 'removeSourceAction',
      name: 'remove a source from a claim',
      allowed: ['editor', 'admin'],
      page: `/edit/claims/${f.cited}`,
      field: 'sourceId',
      button: /^Remove source/,
      attempt: () => {
        const sourceId = query<number>('select source_id from claim_sources where claim_id = ? order by source_id limit 1', f.cited);
        return {
          fields: { claimId: String(f.cited), sourceId: String(sourceId) },
          happened: () => query<number>('select count(*) from claim_sources where claim_id = ? and source_id = ?', f.cited, sourceId) === 0,
        };
      },
    },
    {
      action: 'archiveSourceAction',
      name: 'archive a cited source again',
      allowed: ['editor', 'admin'],
      page: `/edit/claims/${f.cited}`,
      field: 'sourceId',
      button: /^Archive again: Matrix archive/,
      attempt: (who) => ({
        fields: { claimId: String(f.cited), sourceId: String(f.archive[who]) },
        happened: () => query<number>('select count(*) from jobs where key = ?', `snapshot:source:${f.archive[who]}`) > 0,
      }),
    },
    {
      action: 'acceptOutletChangeAction',
      name: 'accept a change the outlet made',
      allowed: ['editor', 'admin'],
      page: `/edit/articles/${f.outletChanges.accept.admin.articleId}/outlet-change`,
      field: 'pendingId',
      button: /^Accept the outlet/,
      attempt: (who) => ({
        fields: { pendingId: String(f.outletChanges.accept[who].pendingId) },
        happened: () => query<string>('select state from pending_revisions where id = ?', f.outletChanges.accept[who].pendingId) === 'accepted',
      }),
    },
    {
      action: 'dismissOutletChangeAction',
      name: 'dismiss a change the outlet made',
      allowed: ['editor', 'admin'],
      page: `/edit/articles/${f.outletChanges.dismiss.admin.articleId}/outlet-change`,
      field: 'pendingId',
      button: /^Dismiss the outlet/,
      attempt: (who) => ({
        fields: { pendingId: String(f.outletChanges.dismiss[who].pendingId) },
        happened: () => query<string>('select state from pending_revisions where id = ?', f.outletChanges.dismiss[who].pendingId) === 'dismissed',
      }),
    },
    {
      action: 'checkArticleNowAction',
      name: 'check a watched article for changes now',
      allowed: ['editor', 'admin'],
      page: `/edit/articles/${f.outletChanges.check.admin.articleId}/revise`,
      field: 'articleId',
      button: /^Check the outlet/,
      attempt: (who) => ({
        fields: { articleId: String(f.outletChanges.check[who].articleId) },
        happened: () => query<number>('select count(*) from jobs where key = ?', `watch:article:${f.outletChanges.check[who].articleId}`) > 0,
      }),
    },
    {
      action: 'retryJobAction',
      name: 'retry a failed job',
      allowed: ['admin'],
      page: '/edit/jobs',
      field: 'jobId',
      button: /^Retry job/,
      attempt: (who) => ({
        fields: { jobId: String(f.retry[who]) },
        happened: () => query<string>('select state from jobs where id = ?', f.retry[who]) === 'queued',
      }),
    },
    {
      action: 'saveResponseAction',
      name: 'record a response',
      allowed: ['editor', 'admin'],
      page: `/edit/claims/${claimId}`,
      field: 'stance',
      attempt: () => {
        const quote = `Matrix response ${randomUUID()}`;
        return {
          fields: { responseId: '', partyId: '', newPartyName: 'Matrix party', stance: 'disputes', quote },
          happened: () => query<number>('select count(*) from responses where quote = ?', quote) > 0,
        };
      },
    },
    {
      action: 'removeResponseAction',
      name: 'remove a response',
      allowed: ['editor', 'admin'],
      page: `/edit/claims/${f.cited}`,
      field: 'responseId',
      button: /^Remove response/,
      attempt: () => {
        const responseId = query<number>('select id from responses where claim_id = ? order by id limit 1', f.cited);
        return {
          fields: { claimId: String(f.cited), responseId: String(responseId) },
          happened: () => query<number>('select count(*) from responses where id = ?', responseId) === 0,
        };
      },
    },
    {
      action: 'savePartyAction',
      name: 'create a party',
      allowed: ['editor', 'admin'],
      page: '/edit/parties',
      field: 'kind',
      attempt: () => {
        const name = `Matrix party ${randomUUID().slice(0, 8)}`;
        return {
          fields: { id: '', name, kind: 'organization' },
          happened: () => query<number>('select count(*) from parties where name = ?', name) > 0,
        };
      },
    },
    {
      action: 'savePartyAction',
      name: 'edit a party',
      allowed: ['editor', 'admin'],
      page: `/edit/parties/${partyId}`,
      field: 'description',
      attempt: () => {
        const description = `Matrix description ${randomUUID()}`;
        return {
          fields: { id: String(partyId), version: String(query<number>('select version from parties where id = ?', partyId)), description },
          happened: () => query<number>('select count(*) from parties where id = ? and description = ?', partyId, description) > 0,
        };
      },
    },
    {
      action: 'mergePartiesAction',
      name: 'merge a duplicate party',
      allowed: ['editor', 'admin'],
      page: `/edit/parties/${f.merge.keepId}`,
      field: 'removeId',
      attempt: () => {
        const removeId = query<number>(`select id from parties where id in (${f.merge.duplicates.join(',')}) order by id limit 1`);
        return {
          fields: { keepId: String(f.merge.keepId), removeId: String(removeId) },
          happened: () => query<number>('select count(*) from parties where id = ?', removeId) === 0,
        };
      },
    },
    {
      action: 'moveAction',
      name: 'move a claim in the workflow',
      allowed: ['editor', 'admin'],
      page: '/edit/board',
      field: 'to',
      attempt: () => {
        // Back and forth between draft and in progress, so each allowed attempt has a legal move.
        const id = query<number>("select id from claims where workflow in ('draft', 'in_progress') order by id limit 1");
        const to = workflowOf(id) === 'draft' ? 'in_progress' : 'draft';
        return { fields: { claimId: String(id), to, version: String(versionOf(id)) }, happened: () => workflowOf(id) === to };
      },
    },
    {
      action: 'moveAction',
      name: 'approve a verdict another editor set',
      allowed: ['editor', 'admin'],
      page: '/edit/board',
      field: 'to',
      attempt: () => {
        const id = query<number>(
          `select id from claims where id in (${f.approveOthers.join(',')}) and workflow = 'ready_for_review' order by id limit 1`,
        );
        return { fields: { claimId: String(id), to: 'published', version: String(versionOf(id)) }, happened: () => workflowOf(id) === 'published' };
      },
    },
    {
      action: 'moveAction',
      name: 'approve a verdict one set oneself',
      allowed: [],
      page: '/edit/board',
      field: 'to',
      attempt: (who) => ({
        fields: { claimId: String(f.approveOwn[who]), to: 'published', version: String(versionOf(f.approveOwn[who])) },
        happened: () => workflowOf(f.approveOwn[who]) === 'published',
      }),
    },
    {
      action: 'assignAction',
      // `from`: the assignee as a fresh page shows it (the board's forms carry it since 9bb0d63; a
      // stale one is refused whoever asks, which is not what this spec is about).
      name: 'take a claim',
      allowed: ['editor', 'admin'],
      page: '/edit/board',
      field: 'assigneeId',
      attempt: (who) => ({
        fields: { claimId: String(f.take), assigneeId: self[who], from: assigneeOf(f.take) ?? '' },
        happened: () => assigneeOf(f.take) === self[who],
      }),
    },
    {
      action: 'assignAction',
      name: 'drop a claim one holds',
      allowed: ['editor', 'admin'],
      page: '/edit/board',
      field: 'assigneeId',
      attempt: (who) => ({
        fields: { claimId: String(f.drop[who]), assigneeId: '', from: assigneeOf(f.drop[who]) ?? '' },
        happened: () => assigneeOf(f.drop[who]) === null,
      }),
    },
    {
      action: 'assignAction',
      name: 'assign a claim to someone else',
      allowed: ['admin'],
      page: '/edit/board',
      field: 'assigneeId',
      attempt: () => ({
        fields: { claimId: String(f.assignOther), assigneeId: victim.id },
        happened: () => assigneeOf(f.assignOther) === victim.id,
      }),
    },
    {
      action: 'deleteClaimAction',
      name: 'delete a draft claim',
      allowed: ['editor', 'admin'],
      page: `/edit/articles/${f.endings.articleId}?claim=${f.endings.deleteDraft.admin}`,
      field: 'articleId',
      button: /^Delete claim$/,
      attempt: (who) => ({
        fields: { id: String(f.endings.deleteDraft[who]), articleId: String(f.endings.articleId) },
        happened: () => query<number>('select count(*) from claims where id = ?', f.endings.deleteDraft[who]) === 0,
      }),
    },
    {
      action: 'withdrawClaimAction',
      name: 'withdraw a published claim',
      allowed: ['editor', 'admin'],
      page: `/edit/articles/${f.endings.articleId}?claim=${f.endings.withdraw.admin}`,
      field: 'note',
      button: /^Withdraw claim$/,
      attempt: (who) => ({
        fields: {
          id: String(f.endings.withdraw[who]),
          articleId: String(f.endings.articleId),
          version: String(query<number>('select version from claims where id = ?', f.endings.withdraw[who])),
          note: 'Matrix: withdrawn after the pickers corrected their count.',
        },
        happened: () => query<number | null>('select withdrawn_at from claims where id = ?', f.endings.withdraw[who]) !== null,
      }),
    },
    {
      action: 'deleteArticleAction',
      name: 'delete an article of draft claims',
      allowed: ['editor', 'admin'],
      page: `/edit/articles/${f.deleteArticle.admin}`,
      field: 'id',
      button: /^Delete article$/,
      attempt: (who) => ({
        fields: { id: String(f.deleteArticle[who]) },
        happened: () => query<number>('select count(*) from articles where id = ?', f.deleteArticle[who]) === 0,
      }),
    },
    {
      action: 'importExternalReviewsAction',
      name: 'import another fact-checker’s reviews from an address',
      allowed: ['editor', 'admin'],
      page: '/edit/external-reviews',
      field: 'url',
      attempt: (who) => {
        const path = `/feed-${who}-${randomUUID()}.json`;
        return {
          fields: { mode: 'url', url: `${siteBase}${path}` },
          happened: () => query<number>('select count(*) from external_reviews where review_url = ?', `https://matrix-checks.example${path}`) > 0,
        };
      },
    },
    {
      action: 'decideExternalMatchAction',
      name: 'confirm that another fact-checker’s review is about a claim',
      allowed: ['editor', 'admin'],
      page: '/edit/external-reviews',
      field: 'decision',
      button: /^Confirm:/,
      attempt: (who) => {
        const match = f.externalMatch[who];
        return {
          fields: { ...stringify(match), decision: 'confirm' },
          happened: () =>
            query<string>('select state from external_review_matches where review_id = ? and claim_id = ?', match.reviewId, match.claimId) === 'confirmed',
        };
      },
    },
    {
      action: 'matchExternalReviewAction',
      name: 'match another fact-checker’s review to a claim by hand',
      allowed: ['editor', 'admin'],
      page: '/edit/external-reviews',
      field: 'claim',
      attempt: (who) => {
        const match = f.externalManual[who];
        return {
          fields: { reviewId: String(match.reviewId), claim: String(match.claimId) },
          happened: () =>
            query<string>('select state from external_review_matches where review_id = ? and claim_id = ?', match.reviewId, match.claimId) === 'confirmed',
        };
      },
    },
    {
      action: 'removeExternalReviewAction',
      name: 'remove another fact-checker’s review no reader sees',
      allowed: ['editor', 'admin'],
      page: '/edit/external-reviews',
      field: 'reviewId',
      button: /^Remove .* review of/,
      attempt: (who) => ({
        fields: { reviewId: String(f.externalRemove[who]) },
        happened: () => query<number>('select count(*) from external_reviews where id = ?', f.externalRemove[who]) === 0,
      }),
    },
    {
      action: 'removeDemoAction',
      name: 'remove the demo content',
      allowed: ['admin'],
      page: '/edit/users',
      field: 'demo',
      attempt: () => ({
        fields: { demo: 'remove' },
        happened: () => query<number>('select count(*) from articles where id = ?', f.demo.articleId) === 0,
      }),
    },
    {
      action: 'inviteAction',
      name: 'invite a member',
      allowed: ['admin'],
      page: '/edit/users',
      field: 'days',
      attempt: () => {
        const email = `matrix-${randomUUID().slice(0, 8)}@newsroom.example`;
        return {
          fields: { email, role: 'admin', days: '7' },
          happened: () => query<number>('select count(*) from invites where email = ?', email) > 0,
        };
      },
    },
    {
      action: 'revokeInviteAction',
      name: 'withdraw an invitation',
      allowed: ['admin'],
      page: '/edit/users',
      field: 'inviteId',
      attempt: (who) => ({
        fields: { inviteId: String(f.revokeInvites[who]) },
        happened: () => query<number>('select expires_at from invites where id = ?', f.revokeInvites[who]) <= Date.now(),
      }),
    },
    {
      action: 'signOffAction',
      name: 'set the sign-off rule',
      allowed: ['admin'],
      page: '/edit/users',
      field: 'required',
      attempt: () => {
        const required = query<string | undefined>("select value from meta where key = 'sign_off_required'") === 'false' ? 'true' : 'false';
        return {
          fields: { required },
          happened: () => (query<string | undefined>("select value from meta where key = 'sign_off_required'") ?? 'true') === required,
        };
      },
    },
    {
      action: 'savePolicyAction',
      name: 'publish a policy page',
      allowed: ['admin'],
      page: '/edit/policies/contact',
      field: 'body',
      attempt: () => {
        const body = `Write to us at matrix-${randomUUID().slice(0, 8)}@newsroom.example.`;
        const baseId = String(query<number>("select coalesce(max(id), 0) from policy_revisions where page = 'contact'"));
        return {
          fields: { page: 'contact', baseId, body, note: '' },
          happened: () => query<number>('select count(*) from policy_revisions where body = ?', body) > 0,
        };
      },
    },
    {
      action: 'setDisabledAction',
      name: 'disable a member',
      allowed: ['admin'],
      page: '/edit/users',
      field: 'userId',
      attempt: () => ({
        fields: { userId: victim.id, disabled: 'true' },
        happened: () => query('select disabled_at from users where id = ?', victim.id) !== null,
      }),
    },
  ];

  const outcome: Record<string, Record<Who, boolean>> = {};
  const expected: Record<string, Record<Who, boolean>> = {};
  // The first-run demo was set aside for this test's own (matrix-fixtures.ts): put back whatever happens,
  // or a failure here also fails the later specs that look for it.
  try {
    for (const c of cases) {
      const form = await admin.client.readForm(c.page, c.field, c.button);
      outcome[c.name] = {} as Record<Who, boolean>;
      expected[c.name] = {} as Record<Who, boolean>;
      for (const who of EVERYONE) {
        const { fields, happened } = c.attempt(who);
        // A create form's one-time key is its reader's: each caller posts the form with a key of its own.
        const response = await clients[who].post(c.page, form, { ...freshFormKey(form), ...fields });
        expect(response.status, `${who}: ${c.name}`).toBeLessThan(500);
        outcome[c.name]![who] = happened();
        expected[c.name]![who] = c.allowed.includes(who);
        if (c.name === 'disable a member' && happened()) {
          await admin.client.post('/edit/users', form, { userId: victim.id, disabled: 'false' });
        }
        // Later specs expect the default rule.
        if (c.name === 'set the sign-off rule' && happened()) {
          await admin.client.post('/edit/users', form, { required: fields.required === 'true' ? 'false' : 'true' });
        }
      }
    }
  } finally {
    runSetup('matrix-restore-demo.ts', f.demo.setAside);
  }
  // The copies and checks the allowed callers queued are fetched from the site before it closes.
  const queuedKeys = (['editor', 'admin'] as const).flatMap((who) => [`snapshot:source:${f.archive[who]}`, `watch:article:${f.outletChanges.check[who].articleId}`]);
  await expect
    .poll(() => query<number>(`select count(*) from jobs where key in (${queuedKeys.map(() => '?').join(',')}) and state <> 'done'`, ...queuedKeys), { timeout: 30_000 })
    .toBe(0);
  site.close();
  expect(outcome).toEqual(expected);
});

// The editors' statistics are counted once per period and kept (lib/server/stats.ts); the role is
// checked on every request all the same, so figures an editor warmed are never what anyone else gets.
test('the editors’ dashboard and its CSV answer editors and admins only, however warm their figures are', async () => {
  const admin = await member('admin');
  const editor = await member('editor');
  const disabled = await member('editor');
  const disableForm = await admin.client.readForm('/edit/users', 'userId');
  expect((await admin.client.post('/edit/users', disableForm, { userId: disabled.id, disabled: 'true' })).status).toBeLessThan(400);
  const clients: Record<Who, FormClient> = { anonymous: new FormClient(base), disabled: disabled.client, editor: editor.client, admin: admin.client };
  const period = 'from=2024-06&to=2025-05';
  const paths = [`/edit/stats?${period}`, `/edit/stats/workload.csv?${period}`, `/edit/stats/checked.csv?${period}`];
  // As a browser asks for a page, so the reader page cache and its hot path would take it if they ever did.
  const read = (who: Who, path: string) =>
    fetch(base + path, { headers: clients[who].headers({ accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'accept-encoding': 'gzip, br' }), redirect: 'manual' });
  for (let round = 0; round < 2; round++) {
    for (const who of EVERYONE) {
      for (const path of paths) {
        const response = await read(who, path);
        const body = await response.text();
        const allowed = who === 'editor' || who === 'admin';
        expect(response.status, `${who} ${path}`).toBe(allowed ? 200 : path.includes('.csv') ? 401 : 307);
        expect(response.headers.get('x-claimline-cache'), `${who} ${path}`).toBeNull();
        if (allowed) expect(body).toMatch(path.includes('.csv') ? /^(editor|week),/ : /Waiting for sign-off/);
        else {
          expect(body).not.toContain('Waiting for sign-off');
          expect(body).not.toMatch(/^(editor|week),/);
          if (!path.includes('.csv')) expect(response.headers.get('location')).toMatch(/\/sign-in$/);
        }
      }
      // The charts' own render, which the dashboard keeps as HTML: only the server itself gets it.
      const internal = await read(who, `/internal/editor-charts?${period}`);
      expect(internal.status, `${who} internal`).toBe(404);
      expect(await internal.text()).not.toContain('Claims checked per week');
    }
  }
});

const stringify = (o: Record<string, string | number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, String(v)]));
