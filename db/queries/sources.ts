import 'server-only';
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { preparedQuery } from '@/db';
import { claimSources, parties, responses, sources } from '@/db/schema';
import { AppError, fieldError } from '@/lib/errors';
import { sourceAddress } from '@/lib/page-url';
import { normalizeLine } from '@/lib/text';
import type { PartyKind, Relation, Stance } from '@/lib/vocabulary';
import { touchClaim, type ClaimScope } from './claim-scope';
import { getParty, partyNamed } from './parties';
import { watchMostDisputed } from './reader-lists';
import { queueFirstSnapshot } from './snapshots';
import { recordEvent, write, type Tx } from './tx';
import { watchShownParties } from './visibility';

export type SourceInput = {
  url: string;
  title: string;
  publisher?: string;
  publishedAt?: Date | null;
  archivedUrl?: string | null;
};

const withParty = (scope: ClaimScope, partyId: number): ClaimScope => ({
  ...scope,
  partyIds: [...new Set([...scope.partyIds, partyId])],
});

/**
 * write() for a response or source saved to a claim: its scope also says whether the home page's
 * most disputed changed (watchMostDisputed, over the whole transaction: the claim and any other
 * claim a shared source's edit touched), which its tags name only then (claimDetailTags).
 */
function detailWrite<T extends { scope: ClaimScope }>(work: (tx: Tx) => T): T {
  return write((tx) => {
    const disputedChanged = watchMostDisputed(tx);
    const result = work(tx);
    return { ...result, scope: { ...result.scope, disputedChanged: disputedChanged() } };
  });
}

type Citing = {
  claimId: number;
  actorId: string | null;
  at: Date;
  /** Filled with the other claims whose "updated" date a change to the shared source moved (for their claimants' pages). */
  touched: ClaimScope[];
};

const sourceDetails = (s: { url: string; title: string; publisher: string; publishedAt: Date | null; archivedUrl: string | null }) => ({
  url: s.url,
  title: s.title,
  publisher: s.publisher,
  publishedAt: s.publishedAt?.toISOString() ?? null,
  archivedUrl: s.archivedUrl,
});

/**
 * The source row for a URL: one row per address (sourceAddress: https://Example.org/a?utm_source=x#top
 * is https://example.org/a), shared by every claim that cites it. A known URL keeps its details except where the form filled them in (a blank
 * "add source" form for a URL another claim cites never wipes its publisher, date
 * or archived copy). When the shared details change, every other claim citing the
 * source gets a `source_updated` event and a new "updated" date: their pages change
 * too. `citing` is the claim whose form this is; it records its own event.
 */
export function upsertSource(tx: Tx, input: SourceInput, citing: Citing) {
  const filled = {
    url: sourceAddress(input.url),
    title: normalizeLine(input.title),
    publisher: normalizeLine(input.publisher ?? ''),
    publishedAt: input.publishedAt ?? null,
    archivedUrl: input.archivedUrl || null,
  };
  const existing = tx.select().from(sources).where(eq(sources.url, filled.url)).get();
  if (!existing) return tx.insert(sources).values({ ...filled, accessedAt: citing.at }).returning().get();
  const merged = {
    title: filled.title || existing.title,
    publisher: filled.publisher || existing.publisher,
    publishedAt: filled.publishedAt ?? existing.publishedAt,
    archivedUrl: filled.archivedUrl ?? existing.archivedUrl,
  };
  const before = sourceDetails(existing);
  const after = sourceDetails({ ...existing, ...merged });
  if (JSON.stringify(before) === JSON.stringify(after)) return existing;
  const updated = tx.update(sources).set({ ...merged, updatedAt: citing.at }).where(eq(sources.id, existing.id)).returning().get();
  for (const claimId of citingClaims(tx, existing.id)) {
    if (claimId === citing.claimId) continue;
    citing.touched.push(touchClaim(tx, claimId, citing.at));
    recordEvent(tx, { claimId, actorId: citing.actorId, kind: 'source_updated', at: citing.at, before, after: { ...after, shared: true } });
  }
  return updated;
}

/** The source row for a URL, created with `title` only when the URL is new (an existing row keeps its details). */
function sourceForUrl(tx: Tx, given: string, title: string) {
  const url = sourceAddress(given);
  tx.insert(sources).values({ url, title: normalizeLine(title), accessedAt: new Date() }).onConflictDoNothing().run();
  return tx.select().from(sources).where(eq(sources.url, url)).get()!;
}

type LinkInput = { relation: Relation; excerpt?: string; note?: string };

/** A source as one claim cites it: the shared source's details and how this claim cites it. */
type CitationInput = LinkInput & {
  claimId: number;
  source: SourceInput;
  actorId: string | null;
  at?: Date;
  /** Queue a snapshot of a source that has none (default); off for test fixtures that archive on purpose. */
  archive?: boolean;
};

const linkValues = (input: LinkInput) => ({
  relation: input.relation,
  excerpt: input.excerpt?.trim() ?? '',
  note: input.note?.trim() ?? '',
});

const sourceSummary = (source: { url: string; title: string }, link: { relation: Relation; excerpt: string }) => ({
  url: source.url,
  title: source.title,
  relation: link.relation,
  excerpt: link.excerpt,
});

const ALREADY_CITED = 'This claim already cites that address: change how it is cited with Edit under that source.';

/** The claim_sources row by which claim `claimId` cites source `sourceId`. */
const citation = (claimId: number, sourceId: number) => and(eq(claimSources.claimId, claimId), eq(claimSources.sourceId, sourceId));

function getLink(tx: Tx, claimId: number, sourceId: number) {
  return tx.select().from(claimSources).where(citation(claimId, sourceId)).get();
}

/**
 * Cites a source on a claim, with its event. A URL the claim already cites is refused: the add form
 * carries no version, so taking it as an edit replaced how the claim cites it (relation, excerpt,
 * note) with whatever a form opened earlier, or by another editor, said, unseen. Edits go through
 * updateClaimSource, which checks the citation's version.
 */
export function attachSource(input: CitationInput) {
  return detailWrite((tx) => {
    const at = input.at ?? new Date();
    const scope = touchClaim(tx, input.claimId, at);
    const existing = tx.select().from(sources).where(eq(sources.url, sourceAddress(input.source.url))).get();
    if (existing && getLink(tx, input.claimId, existing.id)) throw fieldError('url', ALREADY_CITED);
    const touched: ClaimScope[] = [];
    const source = upsertSource(tx, input.source, { claimId: input.claimId, actorId: input.actorId, at, touched });
    const link = linkValues(input);
    tx.insert(claimSources).values({ claimId: input.claimId, sourceId: source.id, ...link, createdAt: at }).run();
    if (input.archive !== false) queueFirstSnapshot(tx, source, at);
    recordEvent(tx, { claimId: input.claimId, actorId: input.actorId, kind: 'source_added', at, before: null, after: sourceSummary(source, link) });
    return { source, scope, citedBy: citingClaims(tx, source.id), touched };
  });
}

/** Every claim citing a source: a change to its shared details (title, publisher, date) shows on all their pages. */
function citingClaims(tx: Tx, sourceId: number): number[] {
  return tx.select({ id: claimSources.claimId }).from(claimSources).where(eq(claimSources.sourceId, sourceId)).all().map((r) => r.id);
}

/**
 * Edits a source as one claim cites it. Changing the URL points the claim at
 * the source row of the new URL (other claims citing the old URL keep it).
 */
export function updateClaimSource(input: CitationInput & { sourceId: number; version: number }) {
  return detailWrite((tx) => {
    const at = input.at ?? new Date();
    const scope = touchClaim(tx, input.claimId, at);
    const oldLink = getLink(tx, input.claimId, input.sourceId);
    if (!oldLink) throw new AppError('not_found');
    const old = tx.select().from(sources).where(eq(sources.id, input.sourceId)).get()!;
    if (oldLink.version !== input.version) throw new AppError('conflict', { detail: { ...old, ...oldLink } });
    const link = { ...linkValues(input), version: oldLink.version + 1 };
    const touched: ClaimScope[] = [];
    const source = upsertSource(tx, input.source, { claimId: input.claimId, actorId: input.actorId, at, touched });
    if (source.id !== old.id) {
      if (getLink(tx, input.claimId, source.id)) {
        throw fieldError('url', ALREADY_CITED);
      }
      tx.delete(claimSources).where(citation(input.claimId, old.id)).run();
      tx.insert(claimSources).values({ claimId: input.claimId, sourceId: source.id, ...link, createdAt: oldLink.createdAt }).run();
    } else {
      tx.update(claimSources).set(link).where(citation(input.claimId, source.id)).run();
    }
    if (input.archive !== false) queueFirstSnapshot(tx, source, at);
    recordEvent(tx, {
      claimId: input.claimId,
      actorId: input.actorId,
      kind: 'source_updated',
      at,
      before: sourceSummary(old, oldLink),
      after: sourceSummary(source, link),
    });
    return { source, scope, citedBy: citingClaims(tx, source.id), touched };
  });
}

/** Stops citing a source on a claim; the shared source row stays for other claims. */
export function detachSource(input: { claimId: number; sourceId: number; actorId: string | null; at?: Date }) {
  return detailWrite((tx) => {
    const at = input.at ?? new Date();
    const scope = touchClaim(tx, input.claimId, at);
    const link = getLink(tx, input.claimId, input.sourceId);
    if (!link) throw new AppError('not_found');
    const source = tx.select().from(sources).where(eq(sources.id, input.sourceId)).get()!;
    tx.delete(claimSources).where(citation(input.claimId, input.sourceId)).run();
    recordEvent(tx, {
      claimId: input.claimId,
      actorId: input.actorId,
      kind: 'source_removed',
      at,
      before: sourceSummary(source, link),
    });
    return { scope };
  });
}

/** A claim's sources as editors see them, in the order they were added. */
export function listClaimSources({ claimId }: { claimId: number }) {
  return claimSourcesQuery().all({ claimId });
}

const claimSourcesQuery = preparedQuery((db) =>
  db
    .select({
      id: sources.id,
      url: sources.url,
      title: sources.title,
      publisher: sources.publisher,
      publishedAt: sources.publishedAt,
      archivedUrl: sources.archivedUrl,
      relation: claimSources.relation,
      excerpt: claimSources.excerpt,
      note: claimSources.note,
      version: claimSources.version,
    })
    .from(claimSources)
    .innerJoin(sources, eq(sources.id, claimSources.sourceId))
    .where(eq(claimSources.claimId, sql.placeholder('claimId')))
    .orderBy(asc(claimSources.createdAt), asc(sources.id))
    .prepare(),
);

export type ResponseFields = {
  /** The responding party; or `newPartyName` (of `newPartyKind`) to create it in the same transaction. */
  partyId?: number | null;
  newPartyName?: string;
  newPartyKind?: PartyKind;
  stance?: Stance | null;
  quote?: string;
  respondedAt?: Date | null;
  sourceUrl?: string | null;
  requestedAt?: Date | null;
  deadlineAt?: Date | null;
};

export type ResponseInput = ResponseFields & { claimId: number; actorId: string | null; at?: Date };

function responseValues(tx: Tx, input: ResponseFields) {
  const party = input.newPartyName?.trim()
    ? partyNamed(tx, { name: input.newPartyName, kind: input.newPartyKind })
    : input.partyId
      ? getParty({ id: input.partyId })
      : undefined;
  if (!party) throw fieldError('partyId', 'Choose a party.');
  const source = input.sourceUrl ? sourceForUrl(tx, input.sourceUrl, `${party.name} response`) : undefined;
  const values = {
    partyId: party.id,
    stance: input.stance ?? null,
    quote: input.quote?.trim() ?? '',
    respondedAt: input.respondedAt ?? null,
    sourceId: source?.id ?? null,
    requestedAt: input.requestedAt ?? null,
    deadlineAt: input.deadlineAt ?? null,
  };
  return { party, values };
}

const responseSummary = (
  party: { name: string },
  r: { stance: Stance | null; quote: string; requestedAt: Date | null; deadlineAt: Date | null },
) => ({
  party: party.name,
  stance: r.stance,
  quote: r.quote,
  requestedAt: r.requestedAt?.toISOString() ?? null,
  deadlineAt: r.deadlineAt?.toISOString() ?? null,
});

/**
 * A party is asked for comment on a claim once at a time: a second open request (two editors with
 * forms drawn before either saved, or one request typed in two tabs) asked them twice and listed
 * them twice on Replies. Refused while a request without their answer is there (overdue ones
 * included: its Edit records the answer, a new deadline, or "did not respond").
 */
function refuseSecondRequest(tx: Tx, input: ResponseFields & { claimId: number }, party: { id: number; name: string }, stance: Stance | null, id?: number) {
  if (stance !== null || !openRequest(tx, input.claimId, party.id, id)) return;
  throw fieldError(
    input.newPartyName?.trim() ? 'newPartyName' : 'partyId',
    `${party.name} was already asked for comment on this claim and has not answered yet: record their answer, or a new deadline, with Edit on that request.`,
  );
}

/** The party's request for comment on the claim that has no answer yet (other than response `id`), if there is one. */
function openRequest(tx: Tx, claimId: number, partyId: number, id?: number) {
  return tx
    .select()
    .from(responses)
    .where(and(eq(responses.claimId, claimId), eq(responses.partyId, partyId), isNull(responses.stance), id === undefined ? undefined : ne(responses.id, id)))
    .get();
}

/**
 * Records a party's response, or an open request for comment when no stance is given yet. A response
 * from a party with an open request on the claim is their answer to it and is recorded on it (the
 * request's dates kept unless the form gives others): as a row of its own, readers saw "X disputes"
 * beside "no response by <date>" for the same party, and Replies kept listing the request as overdue.
 */
export function addResponse(input: ResponseInput) {
  return detailWrite((tx) => {
    const at = input.at ?? new Date();
    const scope = touchClaim(tx, input.claimId, at);
    const { party, values } = responseValues(tx, input);
    refuseSecondRequest(tx, input, party, values.stance);
    const shownChanged = watchShownParties(tx, [party.id]);
    const asked = values.stance === null ? undefined : openRequest(tx, input.claimId, party.id);
    if (asked) {
      const answered = { ...values, requestedAt: values.requestedAt ?? asked.requestedAt, deadlineAt: values.deadlineAt ?? asked.deadlineAt };
      const response = tx
        .update(responses)
        .set({ ...answered, version: asked.version + 1, updatedAt: at })
        .where(eq(responses.id, asked.id))
        .returning()
        .get();
      recordEvent(tx, { claimId: input.claimId, actorId: input.actorId, kind: 'response_updated', at, before: responseSummary(party, asked), after: responseSummary(party, response) });
      return { ...response, scope: { ...withParty(scope, party.id), partiesShown: shownChanged() } };
    }
    const response = tx
      .insert(responses)
      .values({ claimId: input.claimId, ...values, createdAt: at, updatedAt: at })
      .returning()
      .get();
    recordEvent(tx, {
      claimId: input.claimId,
      actorId: input.actorId,
      kind: 'response_added',
      at,
      after: responseSummary(party, response),
    });
    return { ...response, scope: { ...withParty(scope, party.id), partiesShown: shownChanged() } };
  });
}

function getResponse(tx: Tx, claimId: number, id: number) {
  const row = tx
    .select({ response: responses, partyName: parties.name })
    .from(responses)
    .innerJoin(parties, eq(parties.id, responses.partyId))
    .where(and(eq(responses.id, id), eq(responses.claimId, claimId)))
    .get();
  if (!row) throw new AppError('not_found');
  return row;
}

/** Changes a response, e.g. the reply to a request for comment arrived. */
export function updateResponse(input: ResponseInput & { id: number; version: number }) {
  return detailWrite((tx) => {
    const at = input.at ?? new Date();
    const scope = touchClaim(tx, input.claimId, at);
    const old = getResponse(tx, input.claimId, input.id);
    if (old.response.version !== input.version) throw new AppError('conflict', { detail: { ...old.response, partyName: old.partyName } });
    const { party, values } = responseValues(tx, input);
    // Only an edit that asks them anew (another party, or an answer taken back): an open request given a new
    // deadline asks no one again, also where a merge left two of one party's (each must stay editable).
    if (old.response.stance !== null || old.response.partyId !== party.id) refuseSecondRequest(tx, input, party, values.stance, input.id);
    const shownChanged = watchShownParties(tx, [old.response.partyId, party.id]);
    const response = tx
      .update(responses)
      .set({ ...values, version: old.response.version + 1, updatedAt: at })
      .where(eq(responses.id, input.id))
      .returning()
      .get();
    recordEvent(tx, {
      claimId: input.claimId,
      actorId: input.actorId,
      kind: 'response_updated',
      at,
      before: responseSummary({ name: old.partyName }, old.response),
      after: responseSummary(party, response),
    });
    return { ...response, scope: { ...withParty(withParty(scope, old.response.partyId), party.id), partiesShown: shownChanged() } };
  });
}

export function removeResponse(input: { claimId: number; id: number; actorId: string | null; at?: Date }) {
  return detailWrite((tx) => {
    const at = input.at ?? new Date();
    const scope = touchClaim(tx, input.claimId, at);
    const old = getResponse(tx, input.claimId, input.id);
    const shownChanged = watchShownParties(tx, [old.response.partyId]);
    tx.delete(responses).where(eq(responses.id, input.id)).run();
    recordEvent(tx, {
      claimId: input.claimId,
      actorId: input.actorId,
      kind: 'response_removed',
      at,
      before: responseSummary({ name: old.partyName }, old.response),
    });
    return { scope: { ...withParty(scope, old.response.partyId), partiesShown: shownChanged() } };
  });
}

/** A claim's responses and open requests for comment, as editors see them. */
export function listClaimResponses({ claimId }: { claimId: number }) {
  return claimResponsesQuery().all({ claimId });
}

const claimResponsesQuery = preparedQuery((db) =>
  db
    .select({
      id: responses.id,
      partyId: responses.partyId,
      partyName: parties.name,
      partySlug: parties.slug,
      stance: responses.stance,
      quote: responses.quote,
      respondedAt: responses.respondedAt,
      requestedAt: responses.requestedAt,
      deadlineAt: responses.deadlineAt,
      sourceUrl: sources.url,
      version: responses.version,
    })
    .from(responses)
    .innerJoin(parties, eq(parties.id, responses.partyId))
    .leftJoin(sources, eq(sources.id, responses.sourceId))
    .where(eq(responses.claimId, sql.placeholder('claimId')))
    .orderBy(asc(responses.createdAt), asc(responses.id))
    .prepare(),
);
