import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { claims, users } from '@/db/schema';
import { seedDemoOnFirstRun } from '@/db/seed';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { updateClaim } from './claims';
import { listFeedEvents } from './feeds';
import { setSignOffRequired } from './workflow';

let file: string;
let alice: string;
beforeEach(() => {
  file = useFreshDatabase();
  seedDemoOnFirstRun();
  alice = randomUUID();
  getDb().insert(users).values({ id: alice, name: 'Alice Editor', email: `${alice}@newsroom.example`, role: 'editor' }).run();
  setSignOffRequired({ required: false });
});
afterEach(() => removeDatabase(file));

const draft = () => getDb().select().from(claims).where(eq(claims.published, false)).get()!;

describe('recent status changes (home page, site, article and party feeds)', () => {
  it('lists a verdict set and published in one save once, as the verdict', () => {
    const claim = draft();
    updateClaim({ id: claim.id, version: claim.version, patch: { status: 'false', statusNote: 'The budget papers show £3.4m.', published: true }, actorId: alice });

    const entries = listFeedEvents({ scope: {}, limit: 50 }).filter((e) => e.claimId === claim.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.after).toMatchObject({ status: 'false', note: 'The budget papers show £3.4m.' });
    expect(listFeedEvents({ scope: { articleId: claim.articleId }, limit: 50 }).filter((e) => e.claimId === claim.id)).toHaveLength(1);
  });

  it('keeps separate changes of one claim apart, and fills the list to its limit', () => {
    const claim = draft();
    const first = updateClaim({ id: claim.id, version: claim.version, patch: { status: 'disputed', statusNote: 'The operator contests it.', published: true }, actorId: alice, at: new Date(Date.now() + 1000) });
    updateClaim({ id: claim.id, version: first.version, patch: { status: 'false', statusNote: 'The records contradict it.', correction: 'New records.' }, actorId: alice, at: new Date(Date.now() + 2000) });

    const entries = listFeedEvents({ scope: {}, limit: 3 });
    expect(entries).toHaveLength(3);
    expect(entries.slice(0, 2).map((e) => [e.claimId, e.after?.status])).toEqual([
      [claim.id, 'false'],
      [claim.id, 'disputed'],
    ]);
    expect(new Set(entries.map((e) => `${e.claimId}@${e.at.getTime()}`)).size).toBe(3);
  });
});
