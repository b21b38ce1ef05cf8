import 'server-only';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { getDb, preparedQuery, type Db } from '@/db';
import { claims, parties, partyRedirects, responses } from '@/db/schema';
import { AppError, fieldError } from '@/lib/errors';
import { normalizeLine, slugify } from '@/lib/text';
import type { PartyKind } from '@/lib/vocabulary';
import { touchClaim, type ClaimScope } from './claim-scope';
import { freeSlug, recordEvent, write, type Tx } from './tx';
import { partyIsPublic } from './visibility';

export type PartyInput = { name: string; kind?: PartyKind; description?: string; url?: string | null };

const slugTaken = (tx: Tx, slug: string) =>
  Boolean(
    tx.select({ id: parties.id }).from(parties).where(eq(parties.slug, slug)).get() ??
      tx.select({ slug: partyRedirects.slug }).from(partyRedirects).where(eq(partyRedirects.slug, slug)).get(),
  );

export function insertParty(tx: Tx, input: PartyInput) {
  const name = normalizeLine(input.name);
  const slug = freeSlug(slugify(name), (s) => slugTaken(tx, s));
  return tx
    .insert(parties)
    .values({
      slug,
      name,
      kind: input.kind ?? 'organization',
      description: input.description?.trim() ?? '',
      url: input.url || null,
    })
    .returning()
    .get();
}

/**
 * The party called `name`, letter case and spacing aside: SQLite's NOCASE folds only A-Z, so
 * "ØRNEBAKKE" and "Ørnebakke" compare in JavaScript, among the names of the same length in
 * characters (which folding case keeps). `where` narrows the rows looked at.
 */
function partyCalled(db: Tx | Db, name: string, where?: SQL) {
  const normalized = normalizeLine(name);
  const folded = normalized.toLowerCase();
  return db
    .select()
    .from(parties)
    .where(and(sql`length(${parties.name}) = ${[...normalized].length}`, where))
    .orderBy(asc(parties.id))
    .all()
    .find((party) => party.name.toLowerCase() === folded);
}

/**
 * The party an editor names in a form's "Or a new party" field: one already called that (letter
 * case and spacing aside) is meant, not a second party of the same name, which would split its
 * claims and responses between two party pages; otherwise a new one.
 */
export function partyNamed(tx: Tx, input: PartyInput) {
  return partyCalled(tx, input.name) ?? insertParty(tx, input);
}

/** The slug of the public party called `name` (letter case and spacing aside), for an address that names a party by name. */
export function getPublicPartySlugNamed({ name }: { name: string }) {
  return partyCalled(getDb(), name, partyIsPublic(sql`${parties.id}`))?.slug;
}

export function createParty(input: PartyInput) {
  return write((tx) => insertParty(tx, input));
}

/**
 * Renames or describes a party. The slug stays as it was: links to the party
 * page (shared, printed, indexed) keep working after a spelling fix.
 */
export function updateParty(input: PartyInput & { id: number; version: number }) {
  return write((tx) => {
    const current = tx.select().from(parties).where(eq(parties.id, input.id)).get();
    if (!current) throw new AppError('not_found');
    if (current.version !== input.version) throw new AppError('conflict', { detail: current });
    const updated = tx
      .update(parties)
      .set({
        name: normalizeLine(input.name),
        kind: input.kind ?? 'organization',
        description: input.description?.trim() ?? '',
        url: input.url || null,
        version: current.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(parties.id, input.id))
      .returning()
      .get();
    if (!updated) throw new AppError('not_found');
    // Pages that name the party: its claims (as claimant or responder).
    return { party: updated, claimIds: claimIdsOfParty(tx, input.id) };
  });
}

function claimIdsOfParty(tx: Tx, partyId: number): number[] {
  const asClaimant = tx.select({ id: claims.id }).from(claims).where(eq(claims.claimantPartyId, partyId)).all();
  const asResponder = tx
    .selectDistinct({ id: responses.claimId })
    .from(responses)
    .where(eq(responses.partyId, partyId))
    .all();
  return [...new Set([...asClaimant, ...asResponder].map((r) => r.id))];
}

/**
 * Merges a duplicate into the party kept: its claims (as claimant) and its
 * responses move over, its slug redirects to the kept party, and it is
 * removed; one event per affected claim, all in one transaction. Claims whose
 * claimant changes get a new version, so a claim form still showing the
 * removed party answers a conflict instead of writing it back.
 */
export function mergeParties(input: { keepId: number; removeId: number; actorId: string | null; at?: Date }) {
  return write((tx) => {
    if (input.keepId === input.removeId) {
      throw fieldError('removeId', 'Choose a different party to merge.');
    }
    const keep = tx.select().from(parties).where(eq(parties.id, input.keepId)).get();
    const remove = tx.select().from(parties).where(eq(parties.id, input.removeId)).get();
    // Both are ids from a page that may be stale: another editor merged one of them meanwhile.
    // keepId is a hidden field, so its error must be the form's message, not a field's.
    if (!keep) {
      throw new AppError('not_found', {
        message: 'This party no longer exists: since the page was loaded it was merged into another party or removed. Find it again in the parties list.',
      });
    }
    if (!remove) {
      throw fieldError('removeId', 'That party no longer exists: since the page was loaded it was merged into another party or removed. Reload the page and choose again.');
    }
    const at = input.at ?? new Date();

    const claimantOf = tx.select({ id: claims.id }).from(claims).where(eq(claims.claimantPartyId, remove.id)).all();
    const responseRows = tx
      .select({ claimId: responses.claimId })
      .from(responses)
      .where(eq(responses.partyId, remove.id))
      .all();
    const claimIds = [...new Set([...claimantOf.map((c) => c.id), ...responseRows.map((r) => r.claimId)])];

    if (claimantOf.length > 0) {
      tx.update(claims)
        .set({ claimantPartyId: keep.id, version: sql`${claims.version} + 1` })
        .where(eq(claims.claimantPartyId, remove.id))
        .run();
    }
    tx.update(responses).set({ partyId: keep.id, updatedAt: at }).where(eq(responses.partyId, remove.id)).run();

    const scopes: ClaimScope[] = claimIds.map((claimId) => {
      const scope = touchClaim(tx, claimId, at);
      recordEvent(tx, {
        claimId,
        actorId: input.actorId,
        kind: 'party_merged',
        at,
        before: { party: remove.name, partyId: remove.id },
        after: {
          party: keep.name,
          partyId: keep.id,
          claimant: claimantOf.some((c) => c.id === claimId),
          responses: responseRows.filter((r) => r.claimId === claimId).length,
        },
      });
      return scope;
    });

    tx.update(partyRedirects).set({ partyId: keep.id }).where(eq(partyRedirects.partyId, remove.id)).run();
    tx.insert(partyRedirects).values({ slug: remove.slug, partyId: keep.id, fromPartyId: remove.id, createdAt: at }).run();
    tx.delete(parties).where(eq(parties.id, remove.id)).run();
    return { kept: keep, removed: remove, scopes };
  });
}

/**
 * Every party by name, for pickers (a response's party, the board's filter, merging). Only the id and
 * name: the list goes to client components in every response form of an editor's claim page, and a
 * whole row per party (description, dates) made that page's payload several times larger.
 */
export function listParties() {
  return partyNamesQuery().all();
}

const partyNamesQuery = preparedQuery((db) => db.select({ id: parties.id, name: parties.name }).from(parties).orderBy(asc(parties.name)).prepare());

/** Parties readers may see (see visibility.ts), for the claims filter. */
export function listPublicParties() {
  return getDb()
    .select({ id: parties.id, slug: parties.slug, name: parties.name })
    .from(parties)
    .where(partyIsPublic(sql`${parties.id}`))
    .orderBy(asc(parties.name))
    .all();
}

/** Parties for the editors' list, optionally filtered by a part of the name, with how often each is used. */
export function searchParties({ query = '' }: { query?: string } = {}) {
  const q = normalizeLine(query).toLowerCase();
  // Written out: inside a select, Drizzle renders columns without their table, and "id" would mean the inner table's.
  const claimCount = sql<number>`(select count(*) from claims where claims.claimant_party_id = parties.id)`;
  const responseCount = sql<number>`(select count(*) from responses where responses.party_id = parties.id)`;
  return getDb()
    .select({
      id: parties.id,
      slug: parties.slug,
      name: parties.name,
      kind: parties.kind,
      demo: parties.demo,
      claims: claimCount,
      responses: responseCount,
    })
    .from(parties)
    .where(q ? sql`instr(lower(${parties.name}), ${q}) > 0` : undefined)
    .orderBy(asc(sql`lower(${parties.name})`), asc(parties.id))
    .all();
}

export function getParty({ id }: { id: number }) {
  return partyByIdQuery().get({ id });
}

// A claim page's claimant, a saved response's party.
const partyByIdQuery = preparedQuery((db) => db.select().from(parties).where(eq(parties.id, sql.placeholder('id'))).prepare());

export function getPartyBySlug({ slug }: { slug: string }) {
  return getDb().select().from(parties).where(eq(parties.slug, slug)).get();
}

/** A party by slug if readers may see it (see visibility.ts): its page, feed and API detail answer 404 otherwise. */
export function getPublicPartyBySlug({ slug }: { slug: string }) {
  return getDb()
    .select()
    .from(parties)
    .where(and(eq(parties.slug, slug), partyIsPublic(sql`${parties.id}`)))
    .get();
}

/** For the id of a party merged into another: the id of the party kept, which its old editor page leads to. */
export function getMergedPartyTarget({ id }: { id: number }) {
  return getDb()
    .select({ id: partyRedirects.partyId })
    .from(partyRedirects)
    .where(eq(partyRedirects.fromPartyId, id))
    .get()?.id;
}

/** For an old slug of a party merged into another: the kept party's current slug (to redirect to), if it is public. */
export function getPartyRedirect({ slug }: { slug: string }) {
  return getDb()
    .select({ slug: parties.slug })
    .from(partyRedirects)
    .innerJoin(parties, eq(parties.id, partyRedirects.partyId))
    .where(and(eq(partyRedirects.slug, slug), partyIsPublic(sql`${parties.id}`)))
    .get()?.slug;
}
