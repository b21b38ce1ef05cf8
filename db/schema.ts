import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  index,
  uniqueIndex,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
} from 'drizzle-orm/sqlite-core';
import { ANCHOR_STATES } from '../lib/anchor';
import { PARTY_KINDS, RELATIONS, STANCES } from '../lib/vocabulary';
import { STATUSES } from '../lib/status';
import { WORKFLOW_STATES } from '../lib/workflow';
import { POLICY_PAGES } from '../lib/policies';

// Timestamps are integer milliseconds (Date in TypeScript).
const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .$defaultFn(() => new Date());
const updatedAt = () =>
  integer('updated_at', { mode: 'timestamp_ms' })
    .notNull()
    .$defaultFn(() => new Date())
    .$onUpdateFn(() => new Date());

// ---- accounts (the field names follow better-auth's Drizzle adapter) ----

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  emailVerified: integer('email_verified', { mode: 'boolean' }).notNull().default(false),
  image: text('image'),
  role: text('role', { enum: ['admin', 'editor'] }).notNull().default('editor'),
  disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type User = typeof users.$inferSelect;

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    token: text('token').notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Credentials; `password` holds the auth library's hash, never a plain password. */
export const accounts = sqliteTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: integer('access_token_expires_at', { mode: 'timestamp_ms' }),
    refreshTokenExpiresAt: integer('refresh_token_expires_at', { mode: 'timestamp_ms' }),
    scope: text('scope'),
    password: text('password'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('accounts_user_idx').on(t.userId)],
);

export const verifications = sqliteTable('verifications', {
  id: text('id').primaryKey(),
  identifier: text('identifier').notNull(),
  value: text('value').notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Sign-in attempt counters shared by every request of the process (per account and per address). */
export const rateLimits = sqliteTable('rate_limits', {
  id: text('id').primaryKey(),
  key: text('key').notNull().unique(),
  count: integer('count').notNull(),
  lastRequest: integer('last_request').notNull(),
});

/** One-time links: the first-admin setup link and editor invitations. */
export const invites = sqliteTable('invites', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  tokenHash: text('token_hash').notNull().unique(),
  role: text('role', { enum: ['admin', 'editor'] }).notNull(),
  email: text('email'),
  createdBy: text('created_by').references(() => users.id),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  createdAt: createdAt(),
});
export type Invite = typeof invites.$inferSelect;

// ---- newsroom content ----

export const parties = sqliteTable('parties', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind', { enum: PARTY_KINDS }).notNull().default('organization'),
  description: text('description').notNull().default(''),
  url: text('url'),
  /** Demo content (see articles.demo); a demo row a newsroom claim also uses is kept when the demo is removed. */
  demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
  /** Optimistic lock of the party form: a stale form is refused, not applied over a newer save. */
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type Party = typeof parties.$inferSelect;
export type NewParty = typeof parties.$inferInsert;

/** Old party slugs (of parties merged into another) that redirect to the party kept, so old links keep working. */
export const partyRedirects = sqliteTable(
  'party_redirects',
  {
    slug: text('slug').primaryKey(),
    partyId: integer('party_id')
      .notNull()
      .references(() => parties.id, { onDelete: 'cascade' }),
    /** The merged party's id, so its old editor page leads to the party kept (null for merges before it was recorded). */
    fromPartyId: integer('from_party_id'),
    createdAt: createdAt(),
  },
  (t) => [index('party_redirects_party_idx').on(t.partyId), index('party_redirects_from_idx').on(t.fromPartyId)],
);

export const articles = sqliteTable(
  'articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    outlet: text('outlet').notNull().default(''),
    author: text('author').notNull().default(''),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    canonicalUrl: text('canonical_url'),
    currentRevisionId: integer('current_revision_id').references(
      (): AnySQLiteColumn => articleRevisions.id,
    ),
    createdBy: text('created_by').references(() => users.id),
    /** Demo content (see articles.demo); a demo row a newsroom claim also uses is kept when the demo is removed. */
    demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('articles_published_idx').on(t.publishedAt),
    // The publisher overlay finds an article by the URL of the page it runs on (db/queries/embed.ts).
    index('articles_canonical_url_idx').on(t.canonicalUrl),
  ],
);
export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;

/** Article bodies: plain text, NFC, `\n` line ends. Never updated; a correction is a new row. */
export const articleRevisions = sqliteTable(
  'article_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references((): AnySQLiteColumn => articles.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    bodyHash: text('body_hash').notNull(),
    createdBy: text('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('article_revisions_article_idx').on(t.articleId)],
);
export type ArticleRevision = typeof articleRevisions.$inferSelect;

// The anchor: W3C TextPositionSelector (start, end in UTF-16 code units) plus TextQuoteSelector.
const anchorColumns = () => ({
  anchorStart: integer('anchor_start').notNull(),
  anchorEnd: integer('anchor_end').notNull(),
  anchorExact: text('anchor_exact').notNull(),
  anchorPrefix: text('anchor_prefix').notNull().default(''),
  anchorSuffix: text('anchor_suffix').notNull().default(''),
  anchorState: text('anchor_state', { enum: ANCHOR_STATES }).notNull().default('anchored'),
  anchorScore: real('anchor_score'),
  revisionId: integer('revision_id')
    .notNull()
    .references(() => articleRevisions.id),
});

export const claims = sqliteTable(
  'claims',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    statement: text('statement').notNull(),
    claimantPartyId: integer('claimant_party_id').references(() => parties.id),
    status: text('status', { enum: STATUSES }).notNull().default('unverified'),
    statusNote: text('status_note').notNull().default(''),
    published: integer('published', { mode: 'boolean' }).notNull().default(false),
    version: integer('version').notNull().default(1),
    ...anchorColumns(),
    // Newsroom workflow (lib/workflow.ts). `published` says whether readers see the claim: it turns
    // true when the workflow reaches 'published' and stays true while a change to the verdict waits
    // for sign-off (pending_* set) or the claim is reopened; only an unpublish turns it false.
    workflow: text('workflow', { enum: WORKFLOW_STATES }).notNull().default('draft'),
    assigneeId: text('assignee_id').references(() => users.id),
    /** Who set the current status (a pending proposal's author is pendingBy): under sign-off, not its approver. */
    verdictSetBy: text('verdict_set_by').references(() => users.id),
    // A change to a published verdict waiting for a second editor; readers keep the published one meanwhile.
    pendingStatus: text('pending_status', { enum: STATUSES }),
    pendingStatusNote: text('pending_status_note'),
    // On an unpublished claim that was public before: the correction readers get when it is published again.
    pendingCorrection: text('pending_correction'),
    // A published claim is never deleted: it is withdrawn (published turns false, readers get 410 with this note).
    withdrawnAt: integer('withdrawn_at', { mode: 'timestamp_ms' }),
    withdrawalNote: text('withdrawal_note'),
    /** Who proposed the pending change, and when: neither they nor the verdict's author may approve it. */
    pendingBy: text('pending_by').references(() => users.id),
    pendingAt: integer('pending_at', { mode: 'timestamp_ms' }),
    // The verdict readers last saw (null: never public). Publishing again with a different one is a correction.
    publicStatus: text('public_status', { enum: STATUSES }),
    publicStatusNote: text('public_status_note'),
    /**
     * How many parties dispute or deny it (DISPUTING_STANCES in lib/stats.ts; a party's second such
     * response counts once), kept by triggers on responses (migrations 0016, 0019), so the home page's most disputed claims are an index range, not a
     * count over every response of every claim on each render.
     */
    disputes: integer('disputes').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('claims_workflow_idx').on(t.workflow, t.updatedAt),
    // The editors' dashboard: claims still open (not published, or a change waiting for sign-off).
    index('claims_open_idx')
      .on(t.workflow, t.assigneeId)
      .where(sql`${t.withdrawnAt} IS NULL AND (${t.workflow} != 'published' OR ${t.pendingStatus} IS NOT NULL)`),
    index('claims_sign_off_idx')
      .on(t.pendingAt, t.updatedAt)
      .where(sql`${t.withdrawnAt} IS NULL AND (${t.workflow} = 'ready_for_review' OR ${t.pendingStatus} IS NOT NULL)`),
    index('claims_assignee_idx').on(t.assigneeId),
    index('claims_article_idx').on(t.articleId, t.anchorStart),
    index('claims_claimant_idx').on(t.claimantPartyId),
    index('claims_status_idx').on(t.status, t.updatedAt),
    index('claims_updated_idx').on(t.updatedAt),
    // The most disputed (listMostDisputedClaims): in its order, only the claims it can list.
    index('claims_disputed_idx')
      .on(sql`${t.disputes} DESC`, sql`${t.status} = 'disputed' DESC`, sql`${t.updatedAt} DESC`, sql`${t.id} DESC`)
      .where(sql`${t.published} = 1 AND (${t.disputes} > 0 OR ${t.status} IN ('disputed', 'false'))`),
    // Statistics join responses and events to their claim only to ask whether readers see it: this answers from the index.
    index('claims_visibility_idx').on(t.id, t.published, t.withdrawnAt),
  ],
);
export type Claim = typeof claims.$inferSelect;
export type NewClaim = typeof claims.$inferInsert;

/** The same claim made again in another article. */
export const claimAppearances = sqliteTable(
  'claim_appearances',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    ...anchorColumns(),
    createdAt: createdAt(),
  },
  (t) => [
    index('claim_appearances_claim_idx').on(t.claimId),
    index('claim_appearances_article_idx').on(t.articleId),
  ],
);
export type ClaimAppearance = typeof claimAppearances.$inferSelect;

export const sources = sqliteTable('sources', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  url: text('url').notNull().unique(),
  title: text('title').notNull(),
  publisher: text('publisher').notNull().default(''),
  publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
  archivedUrl: text('archived_url'),
  accessedAt: integer('accessed_at', { mode: 'timestamp_ms' }),
  /** Demo content (see articles.demo); a demo row a newsroom claim also uses is kept when the demo is removed. */
  demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type Source = typeof sources.$inferSelect;

export const claimSources = sqliteTable(
  'claim_sources',
  {
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id),
    relation: text('relation', { enum: RELATIONS }).notNull().default('context'),
    excerpt: text('excerpt').notNull().default(''),
    note: text('note').notNull().default(''),
    /** Optimistic lock of the citation form. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.claimId, t.sourceId] }),
    index('claim_sources_source_idx').on(t.sourceId),
  ],
);
export type ClaimSource = typeof claimSources.$inferSelect;

/** A party's answer on a claim; a row with requestedAt and no stance yet is an open comment request. */
export const responses = sqliteTable(
  'responses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    partyId: integer('party_id')
      .notNull()
      .references(() => parties.id),
    stance: text('stance', { enum: STANCES }),
    quote: text('quote').notNull().default(''),
    respondedAt: integer('responded_at', { mode: 'timestamp_ms' }),
    sourceId: integer('source_id').references(() => sources.id),
    requestedAt: integer('requested_at', { mode: 'timestamp_ms' }),
    deadlineAt: integer('deadline_at', { mode: 'timestamp_ms' }),
    /** Optimistic lock of the response form. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('responses_claim_idx').on(t.claimId),
    index('responses_party_idx').on(t.partyId),
    index('responses_deadline_idx').on(t.deadlineAt),
    index('responses_requested_idx').on(t.requestedAt),
    // Requests for comment still open: the statistics count them live (stats_reply_counts has the rest).
    index('responses_open_idx').on(t.requestedAt, t.deadlineAt, t.claimId).where(sql`${t.stance} IS NULL AND ${t.requestedAt} IS NOT NULL`),
    // Requests answered after their deadline, by when: the editors' overdue chart.
    index('responses_answered_late_idx')
      .on(sql`coalesce(${t.respondedAt}, ${t.updatedAt})`, t.deadlineAt, t.claimId)
      .where(sql`${t.stance} IS NOT NULL AND ${t.requestedAt} IS NOT NULL AND coalesce(${t.respondedAt}, ${t.updatedAt}) > ${t.deadlineAt}`),
  ],
);
export type Response = typeof responses.$inferSelect;

/** Append-only history of a claim (triggers in the migrations refuse UPDATE and DELETE). */
export const claimEvents = sqliteTable(
  'claim_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id),
    actorId: text('actor_id').references(() => users.id),
    at: integer('at', { mode: 'timestamp_ms' })
      .notNull()
      .$defaultFn(() => new Date()),
    kind: text('kind').notNull(),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
  },
  (t) => [
    index('claim_events_claim_idx').on(t.claimId, t.at),
    index('claim_events_at_idx').on(t.at),
    // Statistics count corrections per month.
    index('claim_events_kind_idx').on(t.kind, t.at),
  ],
);
export type ClaimEvent = typeof claimEvents.$inferSelect;

/**
 * The invalidation log every server process reads (lib/server/cache.ts): the latest version of each
 * cache tag a write touched. Versions come from one sequence (the highest in the table plus one,
 * taken inside the write's BEGIN IMMEDIATE), so a process that last looked at version n reads
 * exactly the tags changed since with `version > n`. One row per tag, so it needs no pruning.
 * `pending:<ms>:<origin>:<n>` rows stand for a write whose tags its action names only after the
 * write's own transaction (db/queries/invalidations.ts); `*` means everything.
 */
export const cacheTags = sqliteTable(
  'cache_tags',
  {
    tag: text('tag').primaryKey(),
    version: integer('version').notNull(),
    /** The process that wrote it, which already dropped what the tag names. */
    origin: text('origin').notNull(),
    /**
     * When the write at `version` was logged, while shared caches (VARNISH_URL) may still hold pages
     * from before it: null once they were purged of the tag, and for rows naming nothing to purge
     * (`none`, pending rows). lib/server/purge.ts purges what is still due after a crash or an outage.
     */
    purgeDue: integer('purge_due'),
  },
  (t) => [index('cache_tags_version').on(t.version), index('cache_tags_purge_due').on(t.purgeDue).where(sql`${t.purgeDue} IS NOT NULL`)],
);

/**
 * One row (id 1) that tells a commit readers may see from one they cannot. `counted` goes up with
 * every row any counted table gains, loses or changes (triggers made when the database opens,
 * db/change-counter.ts); every write() sets `logged` to it in the same transaction, after logging
 * its tags. So `counted <> logged` means a commit the invalidation log does not describe (a
 * script's own SQL), and a move of PRAGMA data_version with the two equal and no new log row is
 * a commit of the auth library's sessions or a WAL checkpoint: nothing readers see changed.
 */
export const changeCounter = sqliteTable('change_counter', {
  id: integer('id').primaryKey(),
  counted: integer('counted').notNull().default(0),
  logged: integer('logged').notNull().default(0),
});

/** Bookkeeping for the process (e.g. whether the first-run demo was loaded). */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});


/** Suggested passages an editor dismissed, remembered per article by their text (so a revision keeps them dismissed). */
export const suggestionDismissals = sqliteTable(
  'suggestion_dismissals',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    exact: text('exact').notNull(),
    dismissedBy: text('dismissed_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.exact] })],
);

/**
 * The public policy pages (lib/policies.ts), one row per saved version: the newest row of a
 * page is what readers see, older rows are its history. Never updated or deleted.
 */
export const policyRevisions = sqliteTable(
  'policy_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    page: text('page', { enum: POLICY_PAGES }).notNull(),
    body: text('body').notNull(),
    /** What changed, in the admin's words (shown in the history). */
    note: text('note').notNull().default(''),
    /** Null for the default text seeded on first run. */
    createdBy: text('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('policy_revisions_page_idx').on(t.page, t.id)],
);
export type PolicyRevision = typeof policyRevisions.$inferSelect;

/**
 * The statistics' summary of each claim with a verdict: when readers first saw a verdict on it,
 * and everything the charts filter and group by, in one narrow row, so a period is one index
 * range instead of a join over claims, articles and parties. Triggers (migration
 * 0008_statistics.sql) keep it in step with claim_events, claims, articles and parties, so
 * every write path, bulk loads included, keeps it current.
 */
export const claimStats = sqliteTable(
  'claim_stats',
  {
    claimId: integer('claim_id')
      .primaryKey()
      .references(() => claims.id, { onDelete: 'cascade' }),
    /** The first public event that showed a status other than unverified. */
    verdictAt: integer('verdict_at', { mode: 'timestamp_ms' }).notNull(),
    // Copies of the claim's columns of the same meaning.
    published: integer('published', { mode: 'boolean' }).notNull(),
    withdrawn: integer('withdrawn', { mode: 'boolean' }).notNull(),
    status: text('status', { enum: STATUSES }).notNull(),
    /** The claimant's party kind; null when the claim has no claimant. */
    claimantKind: text('claimant_kind', { enum: PARTY_KINDS }),
    /** The article's outlet, trimmed. */
    outlet: text('outlet').notNull(),
    /** The claim's first appearance: its article's date, or when it was recorded if that is earlier or unknown. */
    firstSeenAt: integer('first_seen_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    // Covering: every chart reads a period's rows from the index alone.
    index('claim_stats_verdict_idx').on(t.verdictAt, t.published, t.withdrawn, t.status, t.claimantKind, t.outlet, t.firstSeenAt),
  ],
);
/** What a row of stats_verdict_counts counts by, besides the month and the claim's flags and status. */
export const STATS_VERDICT_DIMENSIONS = ['week', 'wait', 'kind', 'outlet'] as const;

/**
 * claim_stats counted by the month of the verdict, for the statistics pages: a five-year page
 * adds up a few thousand rows instead of reading 65,000 claims. One row per month and value of
 * one dimension: `week` (bucket: the day number of the week's Monday; a week across two
 * months has a row in each), `wait` (bucket: days from first appearance to verdict, in
 * tenths, rounded half up, as the page shows them), `kind` (label: the claimant's party
 * kind, '' for none) and `outlet` (label: the outlet). Triggers on claim_stats (migration
 * 0014) keep it in step, so it follows every write that claim_stats follows; a count that
 * falls to zero is deleted.
 */
export const statsVerdictCounts = sqliteTable(
  'stats_verdict_counts',
  {
    dim: text('dim', { enum: STATS_VERDICT_DIMENSIONS }).notNull(),
    /** The month of the verdict, as the UTC milliseconds of its first day. */
    month: integer('month').notNull(),
    bucket: integer('bucket').notNull(),
    label: text('label').notNull(),
    published: integer('published', { mode: 'boolean' }).notNull(),
    withdrawn: integer('withdrawn', { mode: 'boolean' }).notNull(),
    status: text('status', { enum: STATUSES }).notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.dim, t.month, t.bucket, t.label, t.published, t.withdrawn, t.status] })],
);

/**
 * Requests for comment with an answer (or "did not respond") recorded, counted by the month
 * they were sent and their outcome (the statistics' rules), with their claim's flags. Triggers
 * on responses and claims (migration 0014) keep it in step. Requests still open are not here:
 * whether one is "never answered" depends on the hour, so they are counted from responses.
 */
export const statsReplyCounts = sqliteTable(
  'stats_reply_counts',
  {
    month: integer('month').notNull(),
    published: integer('published', { mode: 'boolean' }).notNull(),
    withdrawn: integer('withdrawn', { mode: 'boolean' }).notNull(),
    outcome: text('outcome', { enum: ['onTime', 'late', 'never'] }).notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.published, t.withdrawn, t.outcome] })],
);

// ---- background work (db/queries/jobs.ts, lib/server/jobs/) ----

export const JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/**
 * The durable job queue. A runner claims a due job by setting `leasedBy` and `leaseUntil`
 * inside BEGIN IMMEDIATE; a job whose lease ran out (its process was killed) is claimed again.
 * `key` names the work (e.g. "snapshot:source:12"): while one job with a key is queued or
 * running, enqueueing the same key again adds nothing. `host` is the site a job fetches from:
 * no two jobs of one host run at once, in any process.
 */
export const jobs = sqliteTable(
  'jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    payload: text('payload', { mode: 'json' }).notNull(),
    key: text('key'),
    host: text('host'),
    state: text('state', { enum: JOB_STATES }).notNull().default('queued'),
    runAt: integer('run_at', { mode: 'timestamp_ms' }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lastError: text('last_error'),
    leasedBy: text('leased_by'),
    leaseUntil: integer('lease_until', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('jobs_due_idx').on(t.state, t.runAt),
    index('jobs_finished_idx').on(t.finishedAt),
    uniqueIndex('jobs_open_key_idx').on(t.key).where(sql`${t.state} in ('queued', 'running')`),
  ],
);
export type Job = typeof jobs.$inferSelect;

/** Sites Claimline fetches from that failed lately: no job of theirs runs before `backoffUntil`. */
export const fetchHosts = sqliteTable('fetch_hosts', {
  host: text('host').primaryKey(),
  failures: integer('failures').notNull().default(0),
  backoffUntil: integer('backoff_until', { mode: 'timestamp_ms' }),
  lastError: text('last_error'),
});

/**
 * A stored copy of a source as fetched: never a page's HTML, only its extracted text (none for
 * a PDF), with the SHA-256 and size of the body as received, so a later copy can be compared.
 */
export const sourceSnapshots = sqliteTable(
  'source_snapshots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    fetchedAt: integer('fetched_at', { mode: 'timestamp_ms' }).notNull(),
    finalUrl: text('final_url').notNull(),
    httpStatus: integer('http_status').notNull(),
    contentType: text('content_type').notNull(),
    title: text('title').notNull().default(''),
    text: text('text').notNull().default(''),
    /** Whether `text` was cut at the stored-text cap. */
    textTruncated: integer('text_truncated', { mode: 'boolean' }).notNull().default(false),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
  },
  (t) => [index('source_snapshots_source_idx').on(t.sourceId, t.fetchedAt)],
);
export type SourceSnapshot = typeof sourceSnapshots.$inferSelect;

export const SOURCE_CHECK_STATES = ['ok', 'moved', 'changed', 'gone', 'unreachable'] as const;
export type SourceCheckState = (typeof SOURCE_CHECK_STATES)[number];

/**
 * How a source's address answered when last fetched (snapshot or link check): its state, the
 * refusal or status behind it, the validators for the next conditional request, and when
 * the next check is due.
 */
export const sourceChecks = sqliteTable(
  'source_checks',
  {
    sourceId: integer('source_id')
      .primaryKey()
      .references(() => sources.id, { onDelete: 'cascade' }),
    state: text('state', { enum: SOURCE_CHECK_STATES }).notNull(),
    detail: text('detail').notNull().default(''),
    finalUrl: text('final_url'),
    httpStatus: integer('http_status'),
    etag: text('etag'),
    lastModified: text('last_modified'),
    checkedAt: integer('checked_at', { mode: 'timestamp_ms' }).notNull(),
    /** Failed checks in a row (unreachable): the next check waits longer each time. */
    failures: integer('failures').notNull().default(0),
    nextCheckAt: integer('next_check_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('source_checks_due_idx').on(t.nextCheckAt), index('source_checks_state_idx').on(t.state)],
);
export type SourceCheck = typeof sourceChecks.$inferSelect;

/**
 * An article imported from a web address, fetched again on a schedule (lib/watch.ts) to catch
 * the outlet's later edits. `removedParagraphs` are the paragraphs the editor took out at
 * import (page furniture): they are taken out of every later fetch too, so only the outlet's
 * own changes count.
 */
export const articleWatches = sqliteTable(
  'article_watches',
  {
    articleId: integer('article_id')
      .primaryKey()
      .references(() => articles.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    removedParagraphs: text('removed_paragraphs', { mode: 'json' }).$type<string[]>().notNull(),
    /** SHA-256 of the text last seen at the address (furniture removed): a change is a fetch that differs from it. */
    seenHash: text('seen_hash').notNull(),
    etag: text('etag'),
    lastModified: text('last_modified'),
    /** ok, or why the last fetch got no text: gone, unreachable (with detail). */
    state: text('state', { enum: ['ok', 'gone', 'unreachable'] }).notNull().default('ok'),
    detail: text('detail').notNull().default(''),
    checkedAt: integer('checked_at', { mode: 'timestamp_ms' }),
    nextCheckAt: integer('next_check_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('article_watches_due_idx').on(t.nextCheckAt)],
);

export const PENDING_REVISION_STATES = ['pending', 'accepted', 'dismissed'] as const;

/**
 * Text the outlet published after the newsroom's check, as a watch found it: never applied on
 * its own. An editor accepts it (it becomes a revision, claims re-anchored) or dismisses it.
 */
export const pendingRevisions = sqliteTable(
  'pending_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    bodyHash: text('body_hash').notNull(),
    /** The revision the change was found against. */
    baseRevisionId: integer('base_revision_id')
      .notNull()
      .references(() => articleRevisions.id),
    fetchedUrl: text('fetched_url').notNull(),
    detectedAt: integer('detected_at', { mode: 'timestamp_ms' }).notNull(),
    state: text('state', { enum: PENDING_REVISION_STATES }).notNull().default('pending'),
    decidedBy: text('decided_by').references(() => users.id),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    /** The revision an accepted change became. */
    revisionId: integer('revision_id').references(() => articleRevisions.id),
  },
  (t) => [index('pending_revisions_article_idx').on(t.articleId, t.state), index('pending_revisions_decided_idx').on(t.state, t.decidedAt)],
);
export type PendingRevision = typeof pendingRevisions.$inferSelect;

// ---- other fact-checkers' reviews (lib/external-review.ts) ----

/** One import of other fact-checkers' ClaimReviews (a file or an address): who brought them in, and from where. */
export const externalReviewImports = sqliteTable('external_review_imports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: ['file', 'url'] }).notNull(),
  /** The file's name or the address fetched. */
  source: text('source').notNull(),
  added: integer('added').notNull(),
  /** Reviews imported before (same review address) that their publisher has corrected since: updated. */
  updated: integer('updated').notNull().default(0),
  /** Reviews imported before, unchanged (and repeats within the document): left as they were. */
  skipped: integer('skipped').notNull(),
  importedBy: text('imported_by').references(() => users.id),
  createdAt: createdAt(),
});

/** Another fact-checker's ClaimReview as published; never changes a claim's own status. */
export const externalReviews = sqliteTable(
  'external_reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    importId: integer('import_id')
      .notNull()
      .references(() => externalReviewImports.id),
    reviewUrl: text('review_url').notNull().unique(),
    organisation: text('organisation').notNull(),
    organisationUrl: text('organisation_url'),
    claimReviewed: text('claim_reviewed').notNull(),
    claimant: text('claimant').notNull().default(''),
    rating: text('rating').notNull(),
    ratingValue: real('rating_value'),
    bestRating: real('best_rating'),
    worstRating: real('worst_rating'),
    datePublished: integer('date_published', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('external_reviews_import_idx').on(t.importId)],
);
export type ExternalReview = typeof externalReviews.$inferSelect;

/** A claim an external review may be about: suggested by the similarity search, then confirmed or rejected by an editor. */
export const externalReviewMatches = sqliteTable(
  'external_review_matches',
  {
    reviewId: integer('review_id')
      .notNull()
      .references(() => externalReviews.id, { onDelete: 'cascade' }),
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    state: text('state', { enum: ['suggested', 'confirmed', 'rejected'] }).notNull().default('suggested'),
    /** Words the review's claim shares with the claim (db/queries/similar.ts), for ordering suggestions. */
    shared: integer('shared').notNull().default(0),
    decidedBy: text('decided_by').references(() => users.id),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    /** Optimistic lock of the confirm/reject buttons. */
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.claimId] }), index('external_review_matches_claim_idx').on(t.claimId, t.state)],
);

/**
 * Create forms sent more than once (a save committed, its answer lost, the button pressed again):
 * each form carries a one-time key (formKey), kept here in the transaction of the row it created,
 * with what the action returned. A second submit with that key returns the first result instead of
 * writing again (db/queries/form-submissions.ts).
 */
export const formSubmissions = sqliteTable(
  'form_submissions',
  {
    key: text('key').primaryKey(),
    /** Which create form sent it, and who: a key is never another form's or another editor's. */
    form: text('form').notNull(),
    actorId: text('actor_id').notNull(),
    /** What the action's write returned, as JSON: only the ids its answer needs (never the saved text). */
    result: text('result').notNull(),
    /**
     * sha256 of what was sent (the parsed input, the claim or article id included): the same key
     * sent with different words is refused instead of answered with the first save. Null on rows
     * stored before it existed (migration 0021), which are taken as the same submit.
     */
    inputHash: text('input_hash'),
    createdAt: createdAt(),
  },
  (t) => [index('form_submissions_created_idx').on(t.createdAt)],
);
export type FormSubmission = typeof formSubmissions.$inferSelect;
