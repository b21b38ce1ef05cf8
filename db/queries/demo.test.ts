import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { DEMO_APPEARANCE, DEMO_ARTICLES, DEMO_PARTIES } from '@/db/demo-content';
import { articles, claimSources, claims, parties, sources, users } from '@/db/schema';
import { seedDemoOnFirstRun } from '@/db/seed';
import { removeDatabase, rowCounts, useFreshDatabase } from '@/db/testing';
import { createAnchor } from '@/lib/anchor';
import { createArticle } from './articles';
import { addAppearance, createClaim, updateClaim } from './claims';
import { hasDemoContent, removeDemoContent } from './demo';
import { createParty, getPartyBySlug } from './parties';
import { addResponse, attachSource } from './sources';

let file: string | undefined;
afterEach(() => {
  if (file) removeDatabase(file);
  file = undefined;
});

const SHARED_PARTY = DEMO_PARTIES.find((p) => p.key === 'glassworks')!;
const SHARED_SOURCE = DEMO_ARTICLES.flatMap((a) => a.claims.flatMap((c) => c.sources ?? []))[0]!;
// A demo claim's passage that the newsroom's own article repeats (an editor links the demo claim to it).
const REPEATED = DEMO_APPEARANCE.claimQuote;
const BODY = [
  'The tram depot on Quay Road will close for “six weeks at most”, the operator said 🚋.',
  `A spokesperson repeated that ${REPEATED}.`,
  'Kestrel Glassworks said the depot works would not affect its deliveries.',
].join('\n\n');

/** What a newsroom does on its first days: its own article and claims, one citing a demo source and naming a demo party. */
function newsroomWork(withDemo: boolean) {
  const editor = randomUUID();
  getDb().insert(users).values({ id: editor, name: 'Noor Editor', email: `${editor}@newsroom.example` }).run();
  const article = createArticle({ title: 'Tram depot to close for six weeks', outlet: 'Quay Courier', body: BODY, actorId: editor });
  const on = (quote: string, published = false) => {
    const start = article.body.indexOf(quote);
    return createClaim({ articleId: article.id, anchor: createAnchor(article.body, start, start + quote.length)!, published, actorId: editor });
  };
  const shared = withDemo ? getPartyBySlug({ slug: 'kestrel-glassworks' })! : createParty({ name: SHARED_PARTY.name, kind: SHARED_PARTY.kind });
  const cites = on('the depot works would not affect its deliveries', true);
  updateClaim({ id: cites.id, version: cites.version, patch: { claimantPartyId: shared.id, status: 'unverified' }, actorId: editor });
  attachSource({ claimId: cites.id, source: { url: SHARED_SOURCE.url, title: SHARED_SOURCE.title }, relation: 'context', actorId: editor });
  addResponse({ claimId: cites.id, partyId: shared.id, stance: 'confirms', quote: 'Deliveries run as usual.', actorId: editor });
  const draft = on('“six weeks at most”');
  addResponse({ claimId: draft.id, newPartyName: 'Quay Tram Operator', stance: null, requestedAt: new Date(), actorId: editor });
  if (withDemo) {
    // The demo claim also made in the newsroom's article: it goes with the demo, the newsroom's article stays.
    const demoClaim = getDb().select().from(claims).where(eq(claims.anchorExact, REPEATED)).get()!;
    const at = article.body.indexOf(REPEATED);
    addAppearance({ claimId: demoClaim.id, articleId: article.id, anchor: createAnchor(article.body, at, at + REPEATED.length)!, actorId: editor });
  }
  return { article, cites, shared };
}

describe('removing the demo content', () => {
  it('leaves exactly the rows of a newsroom that never had the demo, keeping the demo party and source it uses', () => {
    // The newsroom's own work on a database that started empty.
    file = useFreshDatabase();
    seedDemoOnFirstRun(Date.now(), { demo: false });
    expect(hasDemoContent()).toBe(false);
    newsroomWork(false);
    const clean = rowCounts();
    removeDatabase(file);

    // The same work beside the demo, then the demo removed.
    file = useFreshDatabase();
    expect(seedDemoOnFirstRun()).toBe(true);
    expect(hasDemoContent()).toBe(true);
    const { cites, shared } = newsroomWork(true);
    const withDemo = rowCounts();
    for (const table of ['articles', 'article_revisions', 'claims', 'claim_events', 'claim_sources', 'responses', 'parties', 'sources', 'claims_fts', 'claim_appearances']) {
      expect(withDemo[table], table).toBeGreaterThan(clean[table]!);
    }
    const removed = removeDemoContent();
    expect(removed.articleIds).toHaveLength(DEMO_ARTICLES.length);
    expect(removed.keptPartyIds).toEqual([shared.id]);
    expect(rowCounts()).toEqual(clean);
    expect(hasDemoContent()).toBe(false);

    // What was shared is the newsroom's own now, and its claim still cites and names it.
    const kept = getDb().select().from(parties).where(eq(parties.id, shared.id)).get()!;
    expect(kept.demo).toBe(false);
    expect(getDb().select().from(claims).where(eq(claims.id, cites.id)).get()!.claimantPartyId).toBe(shared.id);
    const source = getDb().select().from(sources).where(eq(sources.url, SHARED_SOURCE.url)).get()!;
    expect(source.demo).toBe(false);
    expect(getDb().select().from(claimSources).where(eq(claimSources.sourceId, source.id)).all()).toHaveLength(1);
    expect(getDb().select().from(articles).all().map((a) => a.title)).toEqual(['Tram depot to close for six weeks']);

    // A second removal finds nothing to do.
    expect(removeDemoContent()).toEqual({ articleIds: [], claimIds: [], partyIds: [], keptPartyIds: [] });
    expect(rowCounts()).toEqual(clean);
  });
});
