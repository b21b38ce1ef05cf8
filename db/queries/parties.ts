import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { parties } from '@/db/schema';
import { normalizeLine, slugify } from '@/lib/text';
import type { PartyKind } from '@/lib/vocabulary';
import { freeSlug, write, type Tx } from './tx';

export type PartyInput = { name: string; kind?: PartyKind; description?: string; url?: string | null };

export function insertParty(tx: Tx, input: PartyInput) {
  const name = normalizeLine(input.name);
  const slug = freeSlug(slugify(name), (s) =>
    Boolean(tx.select({ id: parties.id }).from(parties).where(eq(parties.slug, s)).get()),
  );
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

export function createParty(input: PartyInput) {
  return write((tx) => insertParty(tx, input));
}

export function listParties() {
  return getDb().select().from(parties).orderBy(asc(parties.name)).all();
}

export function getPartyBySlug({ slug }: { slug: string }) {
  return getDb().select().from(parties).where(eq(parties.slug, slug)).get();
}
