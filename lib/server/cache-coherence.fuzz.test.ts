import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { createClaimFromSelection, linkAppearance, saveClaim } from '@/db/queries/annotator';
import { createArticle } from '@/db/queries/articles';
import { addAppearance, createClaim } from '@/db/queries/claims';
import { deleteDraftClaim, withdrawClaim } from '@/db/queries/lifecycle';
import { createRevision } from '@/db/queries/revisions';
import { createParty, mergeParties, updateParty } from '@/db/queries/parties';
import { listPartiesWithCounts } from '@/db/queries/reader-lists';
import { addResponse, attachSource, detachSource, removeResponse, updateClaimSource, updateResponse } from '@/db/queries/sources';
import { setSignOffRequired } from '@/db/queries/workflow';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { createAnchor } from '@/lib/anchor';
import type { ClaimFilters } from '@/lib/claim-filters';
import { STANCES } from '@/lib/vocabulary';
import { readArticleAnnotations } from './annotations';
import { cached, citationTags, claimDetailTags, claimTags, invalidate, invalidateHere, tags } from './cache';
import { readPageClaims } from './page-claims';
import {
  readArticle,
  readClaim,
  readClaimSearch,
  readFilterOptions,
  readHome,
  readMostDisputed,
  readParty,
  readPartyClaims,
  readPartyRecord,
  readPartyResponses,
  readStatusChanges,
} from './reader';
import { readStats } from './stats';

// Every reader read through the cache must equal the same read made afresh, after any write made
// with the tags its action passes (app/edit/**/actions.ts). A random newsroom of edits: responses
// (new parties by a name already taken, stance changes, moves between parties), sources, verdicts,
// publication, claimants, withdrawals, party edits and merges.

const NOW = Date.UTC(2026, 5, 1);
const DAY = 86_400_000;
let file: string;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const all = (q: string, ...params: unknown[]) => getDb().$client.prepare(q).all(...params) as Record<string, unknown>[];
const ids = (table: string) => all(`SELECT id FROM ${table} ORDER BY id`).map((r) => r.id as number);

/** Every reader surface as a reader gets it now. */
function surfaces() {
  const parties = all('SELECT id, slug FROM parties ORDER BY id') as { id: number; slug: string }[];
  const articles = all('SELECT id, slug FROM articles ORDER BY id') as { id: number; slug: string }[];
  const searches: ClaimFilters[] = [
    { sort: 'updated', limit: 20 },
    { sort: 'relevance', limit: 20 },
    { sort: 'updated', limit: 20, status: ['disputed', 'false'] },
    { q: 'budget', sort: 'relevance', limit: 20 },
    ...parties.map((p): ClaimFilters => ({ sort: 'updated', limit: 20, party: p.slug })),
  ];
  return {
    claims: ids('claims').map((id) => readClaim(id)),
    articles: articles.map((a) => readArticle(a.slug)),
    annotations: articles.map((a) => readArticleAnnotations(a, 0)),
    pageClaims: articles.map((a) => readPageClaims({ slug: a.slug })),
    home: readHome(),
    searches: searches.map((f) => readClaimSearch(f)),
    disputed: readMostDisputed(),
    changes: readStatusChanges(8),
    filters: readFilterOptions(),
    // As app/api/v1/parties/route.ts keeps it.
    apiParties: cached('api-parties', [tags.lists, tags.listResponses], () => listPartiesWithCounts()),
    parties: parties.map((p) => ({
      party: readParty(p.slug),
      record: readPartyRecord(p.id, NOW),
      claims: readPartyClaims(p.id, 0),
      responses: readPartyResponses(p.id, 0),
    })),
    stats: readStats('public', { from: '2026-01', to: '2026-12', start: Date.UTC(2026, 0, 1), end: Date.UTC(2027, 0, 1) } as never, NOW),
  };
}

/** Drops every entry this process holds, so the next read is made afresh. */
function dropEverything() {
  const every: string[] = [tags.lists, tags.listResponses, tags.listUpdates, tags.mostDisputed];
  for (const id of ids('claims').concat(999)) every.push(tags.claim(id));
  for (const id of ids('articles')) every.push(tags.article(id), tags.articleClaims(id));
  for (const id of [...ids('parties'), ...Array.from({ length: 60 }, (_, i) => i + 1)]) every.push(tags.party(id));
  invalidateHere(every);
}

// One database for the file: the cache outlives a change of file, which a server never makes.
beforeAll(() => {
  file = useFreshDatabase();
  setSignOffRequired({ required: false });
});
afterAll(() => removeDatabase(file));

describe('a shared source edited through one claim', () => {
  it('moves the other citing claims on their claimants’ pages, which list them by last change', () => {
    const harbour = createParty({ name: 'Hafenamt Ørnebakke', kind: 'government' });
    const union = createParty({ name: 'نقابة عمال الميناء', kind: 'organization' });
    const body = 'Dredging costs doubled.\n\nThe quay opens in “spring”, 2027.';
    const article = createArticle({ title: 'The quay, annotated', outlet: 'Harbour Ledger', body, actorId: null });
    const claimOf = (words: string, partyId: number) =>
      createClaim({ articleId: article.id, anchor: createAnchor(body, body.indexOf(words), body.indexOf(words) + words.length)!, claimantPartyId: partyId, status: 'unverified', statusNote: '', published: true, actorId: null }).id;
    const first = claimOf('Dredging costs doubled.', harbour.id);
    const second = claimOf('The quay opens', union.id);
    const url = 'https://port.example/annual-report?lang=de#p12';
    // Later than now: a claim's date never moves backwards.
    const soon = Date.now() + DAY;
    invalidate(citationTags(attachSource({ claimId: first, source: { url, title: 'Jahresbericht' }, relation: 'supports', actorId: null, archive: false, at: new Date(soon) })));
    const cited = attachSource({ claimId: second, source: { url, title: 'Jahresbericht' }, relation: 'context', actorId: null, archive: false, at: new Date(soon + DAY) });
    invalidate(citationTags(cited));
    expect(readPartyClaims(harbour.id, 0).map((c) => c.updatedAt.getTime())).toEqual([soon]);
    // The union's editor corrects the report's title: the harbour's claim cites it too, and changes.
    const corrected = { claimId: second, sourceId: cited.source.id, version: 1, source: { url, title: 'Jahresbericht 2025 (korrigiert)' } };
    invalidate(citationTags(updateClaimSource({ ...corrected, relation: 'context', actorId: null, archive: false, at: new Date(soon + 2 * DAY) })));
    expect(readPartyClaims(harbour.id, 0).map((c) => c.updatedAt.getTime())).toEqual([soon + 2 * DAY]);
  });
});

describe('cached reader surfaces equal fresh reads after every kind of write', () => {
  // This found the shared source's claimants' pages left behind (above). FUZZ_SEED tries another sequence.
  const seed = Number(process.env.FUZZ_SEED ?? 3);
  it(`over a random sequence of edits (seed ${seed})`, () => {
    const random = rng(seed);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const pickRow = <T,>(list: readonly T[]): T | undefined => (list.length ? pick(list) : undefined);
    const names = ['Hafenbehörde Port Ellery', 'HAFENBEHÖRDE  port ellery', 'مجلس المدينة', 'Riverside Union ✊', '港湾局'];
    for (const name of names.slice(0, 3)) if (name !== names[1]) createParty({ name, kind: 'organization' });
    const lines = ['The budget for ferries doubled since 2024.', 'Fares stay “frozen” until 2027, the council said.', 'Night buses return in May — 🚌.', 'Rents rose 40 % in a year.'];
    const bodies = [lines.slice(0, 2).join('\n\n'), lines.slice(2).join('\n\n')];
    const articles = bodies.map((body, i) => createArticle({ title: `Harbour budget ${i} — annotated`, outlet: 'Harbour Ledger', body, actorId: null }));
    const partyIds = ids('parties');
    for (const [i, line] of lines.entries()) {
      const article = articles[i < 2 ? 0 : 1]!;
      const start = article.body.indexOf(line);
      createClaim({ articleId: article.id, anchor: createAnchor(article.body, start, start + line.length)!, claimantPartyId: pick(partyIds), status: pick(['unverified', 'disputed', 'confirmed', 'false'] as const), statusNote: 'Notes.', published: i !== 3, actorId: null });
    }
    // The first claim also appears in the second article.
    const second = articles[1]!;
    addAppearance({ claimId: ids('claims').at(-4)!, articleId: second.id, anchor: createAnchor(second.body, 0, 10)!, actorId: null } as never);
    dropEverything();

    const version = (table: string, id: number) => (all(`SELECT version FROM ${table} WHERE id = ?`, id)[0]?.version as number) ?? 0;
    const writes: [string, () => string[]][] = [
      ['add response', () => {
        const useNew = random() < 0.4;
        const r = addResponse({ claimId: pick(ids('claims')), ...(useNew ? { newPartyName: pick(names) } : { partyId: pick(ids('parties')) }), stance: pick(STANCES), quote: 'Wir bestreiten das.', respondedAt: new Date(NOW - DAY), actorId: null } as never);
        return claimDetailTags(r.scope, 'response');
      }],
      ['update response', () => {
        const row = pickRow(all('SELECT id, claim_id AS claimId, version FROM responses ORDER BY id')) as { id: number; claimId: number; version: number } | undefined;
        if (!row) return [];
        const r = updateResponse({ id: row.id, claimId: row.claimId, version: row.version, partyId: pick(ids('parties')), stance: pick(STANCES), quote: 'لا تعليق', respondedAt: new Date(NOW), actorId: null } as never);
        return claimDetailTags(r.scope, 'response');
      }],
      ['remove response', () => {
        const row = pickRow(all('SELECT id, claim_id AS claimId FROM responses ORDER BY id')) as { id: number; claimId: number } | undefined;
        if (!row) return [];
        return claimDetailTags(removeResponse({ claimId: row.claimId, id: row.id, actorId: null }).scope, 'response');
      }],
      ['attach source', () => {
        const r = attachSource({ claimId: pick(ids('claims')), source: { url: `https://stats.example/${pick(['a', 'b'])}`, title: pick(['Tabelle 3', 'جدول']) }, relation: 'supports', excerpt: '', note: '', actorId: null, archive: false } as never);
        return citationTags(r);
      }],
      ['detach source', () => {
        const row = pickRow(all('SELECT claim_id AS claimId, source_id AS sourceId FROM claim_sources ORDER BY claim_id, source_id')) as { claimId: number; sourceId: number } | undefined;
        if (!row) return [];
        return claimDetailTags(detachSource({ ...row, actorId: null }).scope, 'source');
      }],
      ['save claim', () => {
        const id = pick(ids('claims'));
        const patch = pick([
          { status: pick(['unverified', 'disputed', 'confirmed', 'false', 'partly_true'] as const), statusNote: 'Neu bewertet.', correction: 'We rated it otherwise before.' },
          { published: random() < 0.7 },
          { claimantPartyId: pick(ids('parties')) },
        ]);
        const saved = saveClaim({ id, version: version('claims', id), patch, actorId: null } as never) as { scope: Parameters<typeof claimTags>[0] };
        return claimTags(saved.scope);
      }],
      ['save claim, a party by name', () => {
        const id = pick(ids('claims'));
        const saved = saveClaim({ id, version: version('claims', id), patch: {}, newParty: { name: pick(names) }, actorId: null } as never) as { scope: Parameters<typeof claimTags>[0] };
        return claimTags(saved.scope);
      }],
      ['withdraw', () => {
        const row = pickRow(all('SELECT id, version FROM claims WHERE published = 1 ORDER BY id')) as { id: number; version: number } | undefined;
        if (!row || random() < 0.7) return [];
        return claimTags(withdrawClaim({ id: row.id, version: row.version, note: 'Misquoted.', actorId: null }));
      }],
      ['claim from a selection', () => {
        // Bounded: every claim is one more page to compare after each step.
        if (ids('claims').length >= 8) return [];
        const article = pick(all('SELECT a.id, r.body FROM articles a JOIN article_revisions r ON r.id = a.current_revision_id ORDER BY a.id') as { id: number; body: string }[]);
        const start = Math.floor(random() * (article.body.length - 12));
        const exact = article.body.slice(start, start + 10);
        const claim = createClaimFromSelection({ articleId: article.id, start, end: start + 10, exact, statement: `Teil „${exact}“`, ...(random() < 0.5 ? { newParty: { name: pick(names), kind: 'person' } } : { claimantPartyId: pick(ids('parties')) }), actorId: null });
        return claimTags({ id: claim.id, articleIds: [claim.articleId], partyIds: [claim.claimantPartyId] });
      }],
      ['link an appearance', () => {
        const article = pick(all('SELECT a.id, r.body FROM articles a JOIN article_revisions r ON r.id = a.current_revision_id ORDER BY a.id') as { id: number; body: string }[]);
        const start = Math.floor(random() * (article.body.length - 12));
        return claimTags(linkAppearance({ claimId: pick(ids('claims')), articleId: article.id, start, end: start + 8, exact: article.body.slice(start, start + 8), actorId: null }).scope);
      }],
      ['delete a draft', () => claimTags(deleteDraftClaim({ id: pick(ids('claims')) }))],
      ['revise an article', () => {
        const article = pick(all('SELECT a.id, r.body FROM articles a JOIN article_revisions r ON r.id = a.current_revision_id ORDER BY a.id') as { id: number; body: string }[]);
        const body = random() < 0.5 ? article.body.replace(/\d+/u, (n) => String(Number(n) + 1)) : `${article.body}\n\nUpdate: the council answered (الرد).`;
        const result = createRevision({ articleId: article.id, body, actorId: null });
        return [tags.article(article.id), ...result.claimIds.map(tags.claim), ...result.partyIds.map(tags.party), tags.lists];
      }],
      ['update party', () => {
        const id = pick(ids('parties'));
        const { party, claimIds } = updateParty({ id, version: version('parties', id), name: `${pick(names)} ${Math.floor(random() * 9)}`, kind: 'government' });
        return [tags.party(party.id), ...claimIds.map(tags.claim), tags.lists];
      }],
      ['merge parties', () => {
        const list = ids('parties');
        if (list.length < 3 || random() < 0.6) return [];
        const keepId = pick(list);
        const removeId = pick(list.filter((p) => p !== keepId));
        const { kept, removed, scopes } = mergeParties({ keepId, removeId, actorId: null });
        return [tags.party(kept.id), tags.party(removed.id), tags.lists, ...scopes.flatMap((scope) => claimTags(scope))];
      }],
    ];

    const log: string[] = [];
    for (let step = 0; step < 90; step++) {
      surfaces();
      const [name, run] = pick(writes);
      let touched: string[];
      try {
        touched = run();
      } catch (error) {
        if ((error as { code?: string }).code && /conflict|not_found|invalid|forbidden/.test(String((error as { code?: string }).code))) continue;
        if ((error as Error).name === 'AppError') continue;
        throw error;
      }
      log.push(`${name} ${JSON.stringify(touched)}`);
      invalidate(touched);
      const viaCache = JSON.parse(JSON.stringify(surfaces()));
      dropEverything();
      const fresh = JSON.parse(JSON.stringify(surfaces()));
      if (JSON.stringify(viaCache) !== JSON.stringify(fresh)) console.log(step, log.slice(-3).join('\n'));
      expect({ step, surfaces: viaCache }).toEqual({ step, surfaces: fresh });
    }
    expect(log.length).toBeGreaterThan(50);
  }, 120_000);
});
