import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../index';
import { claimEvents, claimSources, claims, parties, responses, sources } from '../schema';
import { seedDemoOnFirstRun } from '../seed';
import { removeDatabase, useFreshDatabase } from '../testing';
import {
  addResponse,
  attachSource,
  detachSource,
  listClaimResponses,
  listClaimSources,
  removeResponse,
  updateClaimSource,
  updateResponse,
} from './sources';

let file: string;
beforeEach(() => {
  file = useFreshDatabase();
  seedDemoOnFirstRun();
});
afterEach(() => removeDatabase(file));

const db = () => getDb();
const claimRows = () => db().select().from(claims).orderBy(claims.id).all();
const eventsOf = (claimId: number) =>
  db().select().from(claimEvents).where(eq(claimEvents.claimId, claimId)).orderBy(claimEvents.id).all();
const lastEvent = (claimId: number) => eventsOf(claimId).at(-1)!;
const total = (table: typeof sources | typeof claimSources | typeof responses | typeof claimEvents) =>
  db().select({ n: count() }).from(table).get()!.n;
const snapshot = () => ({
  sources: total(sources),
  links: total(claimSources),
  responses: total(responses),
  events: total(claimEvents),
  claims: claimRows(),
});

const later = new Date(Date.now() + 60_000);
const source = { url: 'https://stats.example.org/report-2026', title: 'Annual traffic count', publisher: 'Example Statistics Office' };

describe('sources on a claim', () => {
  it('two editors citing one page, one with tracking and a fragment, cite one source; another page stays another', () => {
    const [a, b, c] = claimRows();
    const before = total(sources);
    const first = attachSource({ claimId: a!.id, source: { url: 'https://Example.org/report?utm_source=newsletter&utm_medium=email#findings', title: 'Port report' }, relation: 'supports', actorId: null });
    const second = attachSource({ claimId: b!.id, source: { url: 'https://example.org:443/report', title: '' }, relation: 'context', actorId: null });
    expect(second.source.id).toBe(first.source.id);
    expect(first.source).toMatchObject({ url: 'https://example.org/report', title: 'Port report' });
    // The same claim citing it again, spelled the other way, is told it already does.
    expect(() => attachSource({ claimId: a!.id, source: { url: 'https://example.org/report?fbclid=IwAR0', title: 'Port report' }, relation: 'context', actorId: null })).toThrow();
    // A response's link is the same source.
    const reply = addResponse({ claimId: c!.id, newPartyName: 'Harbour Board', stance: 'denies', sourceUrl: 'HTTPS://EXAMPLE.ORG/report#p2', actorId: null });
    expect(reply.sourceId).toBe(first.source.id);
    // Other parameters and the path's letter case may name another page.
    const page2 = attachSource({ claimId: c!.id, source: { url: 'https://example.org/report?page=2', title: 'Port report, page 2' }, relation: 'context', actorId: null });
    const upper = attachSource({ claimId: c!.id, source: { url: 'https://example.org/Report', title: 'Port report (capital R)' }, relation: 'context', actorId: null });
    expect(new Set([first.source.id, page2.source.id, upper.source.id]).size).toBe(3);
    expect(total(sources)).toBe(before + 3);
  });

  it('adds a source with its event, moves updated_at but not the claim version', () => {
    const [claim] = claimRows();
    const { scope } = attachSource({ claimId: claim!.id, source, relation: 'contradicts', excerpt: ' Traffic rose. ', actorId: null, at: later });
    expect(listClaimSources({ claimId: claim!.id }).at(-1)).toMatchObject({ ...source, relation: 'contradicts', excerpt: 'Traffic rose.' });
    expect(lastEvent(claim!.id)).toMatchObject({ kind: 'source_added', after: { url: source.url, relation: 'contradicts' } });
    const after = db().select().from(claims).where(eq(claims.id, claim!.id)).get()!;
    expect(after.version).toBe(claim!.version);
    expect(after.updatedAt).toEqual(later);
    expect(scope.articleIds).toContain(claim!.articleId);
  });

  it('keeps one source row per URL across claims; removing it from one claim keeps it for the other', () => {
    const [a, b] = claimRows();
    const first = attachSource({ claimId: a!.id, source, relation: 'supports', actorId: null });
    const second = attachSource({ claimId: b!.id, source: { ...source, title: 'Annual traffic count 2026' }, relation: 'context', actorId: null });
    expect(second.source.id).toBe(first.source.id);
    expect(db().select().from(sources).where(eq(sources.url, source.url)).all()).toHaveLength(1);
    // The shared details changed for both claims: both claims' pages must be refreshed.
    expect(first.citedBy).toEqual([a!.id]);
    expect(second.citedBy.sort()).toEqual([a!.id, b!.id].sort());

    detachSource({ claimId: a!.id, sourceId: first.source.id, actorId: null });
    expect(listClaimSources({ claimId: a!.id }).map((s) => s.url)).not.toContain(source.url);
    expect(listClaimSources({ claimId: b!.id }).map((s) => s.url)).toContain(source.url);
    expect(lastEvent(a!.id)).toMatchObject({ kind: 'source_removed', before: { url: source.url } });
  });

  it('edits how a claim cites a source, and moves the claim to another URL without touching other claims', () => {
    const [a, b] = claimRows();
    const { source: shared } = attachSource({ claimId: a!.id, source, relation: 'supports', actorId: null });
    attachSource({ claimId: b!.id, source, relation: 'supports', actorId: null });
    updateClaimSource({ claimId: a!.id, sourceId: shared.id, version: 1, source, relation: 'context', excerpt: 'Only weekdays.', actorId: null });
    expect(listClaimSources({ claimId: a!.id }).find((s) => s.id === shared.id)).toMatchObject({ relation: 'context', excerpt: 'Only weekdays.' });
    expect(lastEvent(a!.id)).toMatchObject({ kind: 'source_updated', before: { relation: 'supports' }, after: { relation: 'context' } });

    const moved = updateClaimSource({
      claimId: a!.id,
      sourceId: shared.id,
      version: 2,
      source: { ...source, url: 'https://stats.example.org/report-2026-corrected' },
      relation: 'context',
      actorId: null,
    });
    expect(moved.source.id).not.toBe(shared.id);
    expect(listClaimSources({ claimId: a!.id }).map((s) => s.url)).toContain('https://stats.example.org/report-2026-corrected');
    expect(listClaimSources({ claimId: a!.id }).map((s) => s.url)).not.toContain(source.url);
    expect(listClaimSources({ claimId: b!.id }).map((s) => s.url)).toContain(source.url);
  });

  it('saves nothing for an unknown claim or a source the claim does not cite', () => {
    const [a] = claimRows();
    const before = snapshot();
    expect(() => attachSource({ claimId: 999_999, source, relation: 'supports', actorId: null })).toThrow(/does not exist/);
    const other = db().select().from(sources).get()!;
    const cited = listClaimSources({ claimId: a!.id }).map((s) => s.id);
    const notCited = db().select().from(sources).all().find((s) => !cited.includes(s.id)) ?? other;
    expect(() => detachSource({ claimId: a!.id, sourceId: notCited.id, actorId: null })).toThrow(/does not exist/);
    expect(snapshot()).toEqual(before);
  });

  it('refuses to add a source the claim already cites, keeping how another editor cited it', () => {
    // Two editors add the same address from forms opened at the same time (or one adds it again
    // without seeing it listed): the second add used to replace the first's relation, excerpt and note.
    const [a] = claimRows();
    attachSource({ claimId: a!.id, source, relation: 'contradicts', excerpt: 'Traffic rose 4 %.', note: 'Table 3.', actorId: null });
    const before = snapshot();
    let refused: unknown;
    try {
      attachSource({ claimId: a!.id, source: { url: source.url, title: source.title }, relation: 'supports', actorId: null });
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({ code: 'invalid', fieldErrors: { url: [expect.stringMatching(/already cites that address/)] } });
    expect(snapshot()).toEqual(before);
    expect(listClaimSources({ claimId: a!.id }).find((s) => s.url === source.url)).toMatchObject({ relation: 'contradicts', excerpt: 'Traffic rose 4 %.', note: 'Table 3.' });
  });

  it('refuses to move a citation onto a URL the claim already cites, leaving everything as it was', () => {
    const [a] = claimRows();
    const { source: one } = attachSource({ claimId: a!.id, source, relation: 'supports', actorId: null });
    const { source: two } = attachSource({ claimId: a!.id, source: { ...source, url: 'https://other.example.org/' }, relation: 'supports', actorId: null });
    const before = snapshot();
    expect(() =>
      updateClaimSource({ claimId: a!.id, sourceId: two.id, version: 1, source: { ...source, title: 'Renamed' }, relation: 'context', actorId: null }),
    ).toThrow();
    expect(snapshot()).toEqual(before);
    expect(db().select().from(sources).where(eq(sources.id, one.id)).get()!.title).toBe(source.title);
  });
});

describe('responses and requests for comment', () => {
  it('records a request with a deadline, then the reply, then removes it, each with an event', () => {
    const [claim] = claimRows();
    const party = db().select().from(parties).get()!;
    const deadline = new Date('2026-03-10T00:00:00Z');
    const request = addResponse({ claimId: claim!.id, partyId: party.id, requestedAt: new Date('2026-03-03T00:00:00Z'), deadlineAt: deadline, actorId: null });
    expect(request.stance).toBeNull();
    expect(lastEvent(claim!.id)).toMatchObject({ kind: 'response_added', after: { party: party.name, stance: null } });

    updateResponse({
      id: request.id,
      version: request.version,
      claimId: claim!.id,
      partyId: party.id,
      stance: 'disputes',
      quote: 'The figures leave out the weekend.',
      respondedAt: new Date('2026-03-08T00:00:00Z'),
      requestedAt: request.requestedAt,
      deadlineAt: deadline,
      sourceUrl: 'https://party.example.org/statement',
      actorId: null,
    });
    expect(listClaimResponses({ claimId: claim!.id }).find((r) => r.id === request.id)).toMatchObject({
      stance: 'disputes',
      quote: 'The figures leave out the weekend.',
      sourceUrl: 'https://party.example.org/statement',
    });
    expect(lastEvent(claim!.id)).toMatchObject({ kind: 'response_updated', before: { stance: null }, after: { stance: 'disputes' } });

    removeResponse({ claimId: claim!.id, id: request.id, actorId: null });
    expect(listClaimResponses({ claimId: claim!.id }).map((r) => r.id)).not.toContain(request.id);
    expect(lastEvent(claim!.id)).toMatchObject({ kind: 'response_removed', before: { party: party.name } });
  });

  it('a response link to a URL already cited as a source keeps that source as it is', () => {
    const [claim] = claimRows();
    const party = db().select().from(parties).get()!;
    attachSource({ claimId: claim!.id, source, relation: 'supports', actorId: null });
    addResponse({ claimId: claim!.id, partyId: party.id, stance: 'confirms', sourceUrl: source.url, actorId: null });
    expect(db().select().from(sources).where(eq(sources.url, source.url)).get()!.title).toBe(source.title);
  });

  it('saves nothing for an unknown party or a response of another claim', () => {
    const [a, b] = claimRows();
    const party = db().select().from(parties).get()!;
    const response = addResponse({ claimId: a!.id, partyId: party.id, stance: 'confirms', actorId: null });
    const before = snapshot();
    expect(() => addResponse({ claimId: a!.id, partyId: 999_999, stance: 'denies', sourceUrl: 'https://new.example.org/', actorId: null })).toThrow();
    expect(() => updateResponse({ id: response.id, version: response.version, claimId: b!.id, partyId: party.id, stance: 'denies', actorId: null })).toThrow(/does not exist/);
    expect(() => removeResponse({ id: response.id, claimId: b!.id, actorId: null })).toThrow(/does not exist/);
    expect(snapshot()).toEqual(before);
  });
});

describe('a source shared by several claims (issue 16, case 5)', () => {
  // Typed with its quotation marks; stored as a browser sends it (sourceAddress): ref=%E2%80%9Cshare%E2%80%9D.
  const url = 'https://archive.example.net/budget-2026?lang=fr&ref=“share”';
  const stored = 'https://archive.example.net/budget-2026?lang=fr&ref=%E2%80%9Cshare%E2%80%9D';
  const full = {
    url,
    title: 'Budget 2026 — annexe statistique',
    publisher: 'Ministère des Finances',
    publishedAt: new Date('2026-03-04T00:00:00Z'),
    archivedUrl: 'https://web.archive.example/2026/budget',
  };

  it('never wipes the shared details when another claim cites the URL through a blank form', () => {
    const [a, b] = claimRows();
    attachSource({ claimId: a!.id, source: full, relation: 'supports', actorId: null });
    const eventsOfA = eventsOf(a!.id).length;
    // Claim B's editor pastes the address, types a title, leaves the rest blank.
    attachSource({ claimId: b!.id, source: { url, title: full.title, publisher: '', publishedAt: null, archivedUrl: null }, relation: 'context', actorId: null });

    expect(listClaimSources({ claimId: a!.id }).filter((s) => s.url === stored)).toEqual([expect.objectContaining({ ...full, url: stored, relation: 'supports' })]);
    expect(listClaimSources({ claimId: b!.id }).at(-1)).toMatchObject({ ...full, url: stored, relation: 'context' });
    // Nothing changed for A, so nothing is recorded on A.
    expect(eventsOf(a!.id)).toHaveLength(eventsOfA);
  });

  it('merges what the form filled in and records the change on every claim citing the source', () => {
    const [a, b, c] = claimRows();
    attachSource({ claimId: a!.id, source: full, relation: 'supports', actorId: null });
    attachSource({ claimId: b!.id, source: { url, title: full.title }, relation: 'context', actorId: null });
    const { citedBy } = attachSource({
      claimId: c!.id,
      source: { url, title: 'Budget 2026 — annexe statistique (version corrigée)', publisher: '', archivedUrl: null },
      relation: 'contradicts',
      actorId: null,
      at: later,
    });

    const shared = { ...full, url: stored, title: 'Budget 2026 — annexe statistique (version corrigée)' };
    for (const claim of [a, b, c]) expect(listClaimSources({ claimId: claim!.id }).at(-1)).toMatchObject(shared);
    // A and B are told on their own history; C records its own "source added".
    for (const claim of [a, b]) {
      expect(lastEvent(claim!.id)).toMatchObject({
        kind: 'source_updated',
        before: expect.objectContaining({ title: full.title, publisher: full.publisher }),
        after: expect.objectContaining({ title: shared.title, publisher: full.publisher, archivedUrl: full.archivedUrl, shared: true }),
      });
      expect(db().select().from(claims).where(eq(claims.id, claim!.id)).get()!.updatedAt).toEqual(later);
    }
    expect(lastEvent(c!.id).kind).toBe('source_added');
    // The action invalidates the pages of every claim citing it.
    expect(citedBy.sort()).toEqual([a!.id, b!.id, c!.id].sort());
  });
});
