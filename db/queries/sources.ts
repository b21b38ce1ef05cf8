import 'server-only';
import { and, eq } from 'drizzle-orm';
import { claimSources, parties, responses, sources } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { normalizeLine } from '@/lib/text';
import type { Relation, Stance } from '@/lib/vocabulary';
import { recordEvent, write, type Tx } from './tx';

export type SourceInput = {
  url: string;
  title: string;
  publisher?: string;
  publishedAt?: Date | null;
  archivedUrl?: string | null;
};

/** The source row for a URL: one row per URL, shared by every claim that cites it. */
export function upsertSource(tx: Tx, input: SourceInput) {
  const values = {
    url: input.url,
    title: normalizeLine(input.title),
    publisher: normalizeLine(input.publisher ?? ''),
    publishedAt: input.publishedAt ?? null,
    archivedUrl: input.archivedUrl || null,
  };
  return tx
    .insert(sources)
    .values({ ...values, accessedAt: new Date() })
    .onConflictDoUpdate({ target: sources.url, set: { ...values, updatedAt: new Date() } })
    .returning()
    .get();
}

/** Cites a source on a claim (or updates how it is cited), with its event. */
export function attachSource(input: {
  claimId: number;
  source: SourceInput;
  relation: Relation;
  excerpt?: string;
  note?: string;
  actorId: string | null;
  at?: Date;
}) {
  return write((tx) => {
    const source = upsertSource(tx, input.source);
    const link = { relation: input.relation, excerpt: input.excerpt?.trim() ?? '', note: input.note?.trim() ?? '' };
    const existing = tx
      .select()
      .from(claimSources)
      .where(and(eq(claimSources.claimId, input.claimId), eq(claimSources.sourceId, source.id)))
      .get();
    if (existing) {
      tx.update(claimSources)
        .set(link)
        .where(and(eq(claimSources.claimId, input.claimId), eq(claimSources.sourceId, source.id)))
        .run();
    } else {
      tx.insert(claimSources).values({ claimId: input.claimId, sourceId: source.id, ...link }).run();
    }
    recordEvent(tx, {
      claimId: input.claimId,
      actorId: input.actorId,
      kind: existing ? 'source_updated' : 'source_added',
      at: input.at,
      before: existing ? { relation: existing.relation, url: source.url, title: source.title } : null,
      after: { relation: link.relation, url: source.url, title: source.title },
    });
    return source;
  });
}

export type ResponseInput = {
  claimId: number;
  partyId: number;
  stance?: Stance | null;
  quote?: string;
  respondedAt?: Date | null;
  sourceUrl?: string | null;
  requestedAt?: Date | null;
  deadlineAt?: Date | null;
  actorId: string | null;
  at?: Date;
};

/** Records a party's response, or an open request for comment when no stance is given yet. */
export function addResponse(input: ResponseInput) {
  return write((tx) => {
    const party = tx.select().from(parties).where(eq(parties.id, input.partyId)).get();
    if (!party) throw new AppError('invalid', { fieldErrors: { partyId: ['Choose a party.'] } });
    const source = input.sourceUrl
      ? upsertSource(tx, { url: input.sourceUrl, title: `${party.name} response` })
      : undefined;
    const response = tx
      .insert(responses)
      .values({
        claimId: input.claimId,
        partyId: input.partyId,
        stance: input.stance ?? null,
        quote: input.quote?.trim() ?? '',
        respondedAt: input.respondedAt ?? null,
        sourceId: source?.id ?? null,
        requestedAt: input.requestedAt ?? null,
        deadlineAt: input.deadlineAt ?? null,
      })
      .returning()
      .get();
    recordEvent(tx, {
      claimId: input.claimId,
      actorId: input.actorId,
      kind: 'response_added',
      at: input.at,
      after: { party: party.name, stance: response.stance, quote: response.quote },
    });
    return response;
  });
}
