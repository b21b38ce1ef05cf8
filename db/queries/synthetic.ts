import 'server-only';
import { getDb } from '@/db';
import {
  claimCounts,
  generateArticle,
  generateParties,
  generateSources,
  type SyntheticArticle,
  type SyntheticParty,
  type SyntheticSource,
} from '@/scripts/synthetic/generate';
import { bodyHash } from './articles';

/**
 * Bulk loading for load tests (npm run seed:synthetic). Plain prepared
 * statements in large transactions instead of the one-claim-per-transaction
 * writes of db/queries/claims.ts: 100,000 claims would otherwise take minutes.
 * The FTS triggers stay on (measured: they add about a fifth to the load time).
 */

export function countArticles(): number {
  return getDb().$client.prepare('select count(*) from articles').pluck().get() as number;
}

/** Inserts parties and sources; returns their ids in the order given. */
function insertSyntheticDirectory(input: { parties: SyntheticParty[]; sources: SyntheticSource[]; now: number }) {
  const sqlite = getDb().$client;
  const party = sqlite.prepare(
    'insert into parties (slug, name, kind, description, created_at, updated_at) values (?, ?, ?, ?, ?, ?)',
  );
  const source = sqlite.prepare(
    'insert into sources (url, title, publisher, published_at, accessed_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)',
  );
  return sqlite.transaction(() => ({
    partyIds: input.parties.map(
      (p) => Number(party.run(p.slug, p.name, p.kind, p.description, input.now, input.now).lastInsertRowid),
    ),
    sourceIds: input.sources.map(
      (s) =>
        Number(
          source.run(s.url, s.title, s.publisher, s.publishedAt, s.publishedAt, input.now, input.now).lastInsertRowid,
        ),
    ),
  })).immediate();
}

/** Inserts articles with their revision, claims, citations, responses and history, in one transaction. */
function insertSyntheticArticles(input: { articles: SyntheticArticle[]; partyIds: number[]; sourceIds: number[] }) {
  const sqlite = getDb().$client;
  const article = sqlite.prepare(
    `insert into articles (slug, title, outlet, author, published_at, canonical_url, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const revision = sqlite.prepare(
    'insert into article_revisions (article_id, body, body_hash, created_at) values (?, ?, ?, ?)',
  );
  const current = sqlite.prepare('update articles set current_revision_id = ? where id = ?');
  const claim = sqlite.prepare(
    // A published claim went through the workflow to its end; the rest are drafts (the editors' open work).
    `insert into claims (slug, article_id, statement, claimant_party_id, status, status_note, published, workflow, version,
       anchor_start, anchor_end, anchor_exact, anchor_prefix, anchor_suffix, anchor_state, revision_id, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'anchored', ?, ?, ?)`,
  );
  const citation = sqlite.prepare(
    'insert into claim_sources (claim_id, source_id, relation, excerpt, note, created_at) values (?, ?, ?, ?, ?, ?)',
  );
  const response = sqlite.prepare(
    `insert into responses (claim_id, party_id, stance, quote, responded_at, requested_at, deadline_at, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const event = sqlite.prepare(
    'insert into claim_events (claim_id, actor_id, at, kind, before, after) values (?, null, ?, ?, ?, ?)',
  );
  const json = (value: object | null) => (value ? JSON.stringify(value) : null);
  const party = (index: number | null) => (index === null ? null : input.partyIds[index]!);

  sqlite.transaction(() => {
    for (const a of input.articles) {
      const articleId = article.run(a.slug, a.title, a.outlet, a.author, a.publishedAt, a.canonicalUrl, a.publishedAt, a.publishedAt).lastInsertRowid;
      const revisionId = revision.run(articleId, a.body, bodyHash(a.body), a.publishedAt).lastInsertRowid;
      current.run(revisionId, articleId);
      for (const c of a.claims) {
        const { anchor } = c;
        const claimId = claim.run(
          c.slug, articleId, c.statement, party(c.claimant), c.status, c.statusNote, c.published ? 1 : 0, c.published ? 'published' : 'draft', c.version,
          anchor.start, anchor.end, anchor.exact, anchor.prefix, anchor.suffix, revisionId, c.createdAt, c.updatedAt,
        ).lastInsertRowid;
        for (const s of c.sources) citation.run(claimId, input.sourceIds[s.source]!, s.relation, s.excerpt, '', c.createdAt);
        for (const x of c.responses) {
          response.run(claimId, party(x.party), x.stance, x.quote, x.respondedAt, x.requestedAt, x.deadlineAt, x.requestedAt, x.respondedAt ?? x.requestedAt);
        }
        for (const e of c.events) event.run(claimId, e.at, e.kind, json(e.before), json(e.after));
      }
    }
  }).immediate();
}

/**
 * Generates and inserts `articles` articles holding `claims` claims in all, with
 * their parties and sources (the same data for the same seed and `now`), 100
 * articles to a transaction. Returns how many parties and sources it made.
 */
export function loadSynthetic({ articles, claims, seed, now }: { articles: number; claims: number; seed: number; now: number }) {
  const parties = generateParties(seed, Math.max(20, Math.round(articles / 10)));
  const sources = generateSources(seed, Math.max(50, Math.round(claims / 20)), now);
  const { partyIds, sourceIds } = insertSyntheticDirectory({ parties, sources, now });
  const counts = claimCounts(seed, articles, claims);
  const BATCH = 100;
  for (let first = 0; first < articles; first += BATCH) {
    const batch = counts
      .slice(first, first + BATCH)
      .map((claimCount, i) => generateArticle({ seed, index: first + i, claimCount, parties, sources, now }));
    insertSyntheticArticles({ articles: batch, partyIds, sourceIds });
  }
  finishBulkLoad();
  return { parties: parties.length, sources: sources.length };
}

/** After a bulk load: fold the write-ahead log into the file and refresh the planner's statistics. */
function finishBulkLoad(): void {
  const sqlite = getDb().$client;
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.exec('analyze');
}

/** What the benchmark requests: a spread of published claims and the article closest to `claimsPerArticle` claims. */
export function benchmarkTargets({ claims, claimsPerArticle }: { claims: number; claimsPerArticle: number }) {
  const sqlite = getDb().$client;
  const sample = sqlite
    .prepare('select id, slug, statement from claims where published = 1 and id % 97 = 0 order by id limit ?')
    .all(claims) as { id: number; slug: string; statement: string }[];
  const article = sqlite
    .prepare(
      `select a.slug, count(*) as claims from articles a join claims c on c.article_id = a.id and c.published = 1
       group by a.id order by abs(count(*) - ?), a.id limit 1`,
    )
    .get(claimsPerArticle) as { slug: string; claims: number } | undefined;
  // The party with the most published claims: the largest scorecard.
  const largest = sqlite
    .prepare('select p.slug, count(*) as claims from parties p join claims c on c.claimant_party_id = p.id and c.published = 1 group by p.id order by count(*) desc, p.id limit 1')
    .get() as { slug: string; claims: number } | undefined;
  return { claims: sample, article, party: largest?.slug, partyClaims: largest?.claims ?? 0 };
}
