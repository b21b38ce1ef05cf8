import 'server-only';
import { count, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { articles, meta } from '@/db/schema';
import { createAnchor, occurrences } from '@/lib/anchor';
import { DEMO_APPEARANCE, DEMO_ARTICLES, DEMO_PARTIES } from './demo-content';
import { createArticle } from './queries/articles';
import { markDemo } from './queries/demo';
import { addAppearance, createClaim, updateClaim } from './queries/claims';
import { createParty } from './queries/parties';
import { addResponse, attachSource } from './queries/sources';
import { write } from './queries/tx';

const FIRST_RUN_KEY = 'first_run_done';
const DAY = 24 * 60 * 60 * 1000;

/**
 * Loads the demo newsroom into a new, empty database, once. A database that
 * has any article, or that has been started before, is left exactly as it is.
 * With `demo: false` (CLAIMLINE_DEMO=0) the first run loads nothing and the
 * newsroom starts empty. Returns whether it seeded.
 */
export function seedDemoOnFirstRun(now = Date.now(), { demo = true }: { demo?: boolean } = {}): boolean {
  const db = getDb();
  const done = db.select().from(meta).where(eq(meta.key, FIRST_RUN_KEY)).get();
  const existing = db.select({ n: count() }).from(articles).get()?.n ?? 0;
  if (done || existing > 0 || !demo) {
    if (!done) markFirstRun(now);
    return false;
  }
  seedDemo(now);
  markFirstRun(now);
  return true;
}

// Through write(): a commit of a counted table outside it would look to the other processes like a script's own SQL.
const markFirstRun = (now: number) => write((tx) => tx.insert(meta).values({ key: FIRST_RUN_KEY, value: new Date(now).toISOString() }).run(), 'nothing');

function anchorOf(body: string, quote: string, occurrence = 0) {
  const start = occurrences(body, quote)[occurrence];
  const anchor = start === undefined ? null : createAnchor(body, start, start + quote.length);
  if (!anchor) throw new Error(`Demo quote not found in its article: ${quote}`);
  return anchor;
}

function seedDemo(now: number) {
  const ago = (days: number) => new Date(now - days * DAY);
  const partyIds = new Map(DEMO_PARTIES.map((p) => [p.key, createParty(p).id]));
  const party = (key: string) => {
    const id = partyIds.get(key);
    if (id === undefined) throw new Error(`Unknown demo party ${key}`);
    return id;
  };
  const articleIds = new Map<string, { id: number; body: string }>();
  const claimIds = new Map<string, number>();

  for (const demo of DEMO_ARTICLES) {
    const article = createArticle({ ...demo, publishedAt: ago(demo.publishedDaysAgo), actorId: null });
    articleIds.set(demo.key, { id: article.id, body: article.body });
    for (const c of demo.claims) {
      const created = ago(demo.publishedDaysAgo - 1);
      const claim = createClaim({
        articleId: article.id,
        anchor: anchorOf(article.body, c.quote, c.occurrence),
        statement: c.statement,
        claimantPartyId: c.claimant ? party(c.claimant) : null,
        actorId: null,
        at: created,
      });
      claimIds.set(c.quote, claim.id);
      for (const s of c.sources ?? []) {
        attachSource({
          claimId: claim.id,
          source: { ...s, publishedAt: ago(s.publishedDaysAgo) },
          relation: s.relation,
          excerpt: s.excerpt,
          actorId: null,
          at: ago(demo.publishedDaysAgo - 2),
        });
      }
      for (const r of c.responses ?? []) {
        addResponse({
          claimId: claim.id,
          partyId: party(r.party),
          stance: r.stance,
          quote: r.quote,
          respondedAt: r.daysAgo !== undefined ? ago(r.daysAgo) : null,
          requestedAt: r.requestedDaysAgo !== undefined ? ago(r.requestedDaysAgo) : null,
          deadlineAt: r.deadlineDaysAgo !== undefined ? ago(r.deadlineDaysAgo) : null,
          actorId: null,
          at: ago(r.daysAgo ?? r.requestedDaysAgo ?? demo.publishedDaysAgo - 2),
        });
      }
      updateClaim({
        id: claim.id,
        version: claim.version,
        patch: { status: c.status, statusNote: c.note ?? '', published: c.published ?? true },
        actorId: null,
        at: ago(Math.max(0, demo.publishedDaysAgo - 5)),
      });
    }
  }

  // Marked once made, so it can be labelled wherever it shows and removed in one action (db/queries/demo.ts).
  markDemo({
    articleIds: [...articleIds.values()].map((a) => a.id),
    partyIds: [...partyIds.values()],
    sourceUrls: DEMO_ARTICLES.flatMap((a) => a.claims.flatMap((c) => (c.sources ?? []).map((s) => s.url))),
  });

  const target = articleIds.get(DEMO_APPEARANCE.article);
  const claimId = claimIds.get(DEMO_APPEARANCE.claimQuote);
  if (target && claimId) {
    addAppearance({
      claimId,
      articleId: target.id,
      anchor: anchorOf(target.body, DEMO_APPEARANCE.claimQuote),
      actorId: null,
    });
  }
}
