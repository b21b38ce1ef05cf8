import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateClaim } from '@/db/queries/claims';
import { seedDemoOnFirstRun } from '@/db/seed';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { parseClaimFilters } from '@/lib/claim-filters';
import { claimTags, contentVersion, invalidate } from './cache';
import { readArticle, readClaim, readClaimSearch, readStatusChanges } from './reader';

let file: string;
beforeAll(() => {
  file = useFreshDatabase();
  seedDemoOnFirstRun();
});
afterAll(() => removeDatabase(file));

const falseClaims = () => {
  const parsed = parseClaimFilters(new URLSearchParams('status=false'));
  if (!parsed.ok) throw new Error('filters');
  return readClaimSearch(parsed.filters).hits.map((h) => h.id);
};

describe('an editor’s status change', () => {
  it('shows on every reader surface on the next read once its tags are invalidated', () => {
    // Read everything once so it is cached.
    const claim = readClaim(3)!;
    expect(claim.status).toBe('disputed');
    const article = readArticle(claim.article.slug)!;
    expect(article.claims.find((c) => c.id === 3)?.status).toBe('disputed');
    expect(falseClaims()).not.toContain(3);
    readStatusChanges(8);
    const version = contentVersion();

    updateClaim({
      id: 3,
      version: claim.version,
      patch: { status: 'false', statusNote: 'Sensor data shows no rise.', correction: 'Sensor data published.' },
      actorId: null,
    });
    invalidate(claimTags({ id: 3, articleIds: [claim.articleId], partyIds: [claim.claimantPartyId] }));

    expect(contentVersion()).not.toBe(version);
    expect(readClaim(3)!.status).toBe('false');
    expect(readClaim(3)!.statusNote).toBe('Sensor data shows no rise.');
    expect(readArticle(claim.article.slug)!.claims.find((c) => c.id === 3)?.status).toBe('false');
    expect(falseClaims()).toContain(3);
    const [latest] = readStatusChanges(8);
    // The claim was published, so the change is a correction.
    expect(latest).toMatchObject({ claimId: 3, kind: 'corrected', after: { status: 'false' } });
  });

  it('withdrawing a claim removes it from reader data', () => {
    const claim = readClaim(4)!;
    updateClaim({ id: 4, version: claim.version, patch: { published: false }, actorId: null });
    invalidate(claimTags({ id: 4, articleIds: [claim.articleId] }));
    expect(readClaim(4)).toBeNull();
    expect(readArticle(claim.article.slug)!.claims.map((c) => c.id)).not.toContain(4);
    expect(falseClaims()).not.toContain(4);
  });
});
