import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnchor } from '@/lib/anchor';
import { getDb } from '../index';
import { removeDatabase, useFreshDatabase } from '../testing';
import { createArticle } from './articles';
import { createClaim } from './claims';
import { withdrawClaim } from './lifecycle';
import { createParty, mergeParties } from './parties';
import { listMostDisputedClaims, mostDisputedQuery } from './reader-lists';
import { addResponse, removeResponse, updateResponse } from './sources';

// The home page's most disputed claims read claims.disputes, which triggers on responses keep
// (migrations 0016, 0019). Every way a response changes must leave it equal to the count it stands for,
// and the list equal to what counting every claim's disputing parties gives.

let file: string;
let claimIds: number[];
let parties: number[];
const raw = () => getDb().$client;

/** The list as it was computed before the count was kept: the disputing parties of every claim, counted. */
const countedLive = (limit: number) =>
  (
    raw()
      .prepare(
        `SELECT c.id AS id, (SELECT count(DISTINCT r.party_id) FROM responses r WHERE r.claim_id = c.id AND r.stance IN ('disputes', 'denies')) AS disputes
        FROM claims c WHERE c.published = 1
          AND (c.status IN ('disputed', 'false') OR EXISTS (SELECT 1 FROM responses r WHERE r.claim_id = c.id AND r.stance IN ('disputes', 'denies')))
        ORDER BY disputes DESC, c.status = 'disputed' DESC, c.updated_at DESC, c.id DESC LIMIT ?`,
      )
      .all(limit) as { id: number; disputes: number }[]
  ).map((r) => [r.id, r.disputes]);

/** Claims whose kept count differs from the parties disputing them. */
const wrongCounts = () =>
  raw()
    .prepare(
      `SELECT c.id, c.disputes, (SELECT count(DISTINCT r.party_id) FROM responses r WHERE r.claim_id = c.id AND r.stance IN ('disputes', 'denies')) AS live
      FROM claims c WHERE c.disputes IS NOT (SELECT count(DISTINCT r.party_id) FROM responses r WHERE r.claim_id = c.id AND r.stance IN ('disputes', 'denies'))`,
    )
    .all();

const version = (responseId: number) => (raw().prepare('SELECT version FROM responses WHERE id = ?').get(responseId) as { version: number }).version;

beforeAll(() => {
  file = useFreshDatabase();
  const lines = [
    'The ferry “always” runs late, the mayor said.',
    'Rents rose 40 % in a year — لا يصدق.',
    'Der Hafen wächst um 12 Prozent.',
    'Bus lanes cut journeys by half 🚌.',
    'Tram fares stay frozen until 2027.',
    'The recycling rate is the best in the country.',
    '港の予算は二倍になった。',
  ];
  const body = lines.join('\n\n');
  const article = createArticle({ title: 'Council meeting, annotated', outlet: 'Harbour Ledger', body, actorId: null });
  const statuses = ['disputed', 'false', 'confirmed', 'unverified', 'disputed', 'partly_true', 'false'] as const;
  claimIds = lines.map(
    (line, i) =>
      createClaim({
        articleId: article.id,
        anchor: createAnchor(body, body.indexOf(line), body.indexOf(line) + line.length)!,
        status: statuses[i]!,
        statusNote: '',
        // One draft: never listed, whatever its responses.
        published: i !== 6,
        actorId: null,
      }).id,
  );
  parties = ['Ørnebakke Ferries', 'نقابة المستأجرين', 'Port workers’ union', 'Bus users 🚌'].map((name) => createParty({ name, kind: 'organization' }).id);
});
afterAll(() => removeDatabase(file));

describe('the most disputed claims', () => {
  it('keeps each claim’s count of disputing responses through every change of a response, and lists what counting them all gives', () => {
    const check = () => {
      expect(wrongCounts()).toEqual([]);
      expect(listMostDisputedClaims({ limit: 5 }).map((c) => [c.id, c.disputes])).toEqual(countedLive(5));
    };
    check();
    const [ferry, rents, harbour, buses, , , draft] = claimIds as [number, number, number, number, number, number, number];
    const added = [
      addResponse({ claimId: buses, partyId: parties[0]!, stance: 'disputes', quote: 'Journeys were cut by a third.', actorId: null }),
      addResponse({ claimId: buses, partyId: parties[1]!, stance: 'denies', quote: 'لم يحدث ذلك', actorId: null }),
      addResponse({ claimId: harbour, partyId: parties[2]!, stance: 'confirms', quote: 'Stimmt.', actorId: null }),
      addResponse({ claimId: draft, partyId: parties[3]!, stance: 'disputes', quote: 'A draft nobody reads.', actorId: null }),
      addResponse({ claimId: rents, partyId: parties[3]!, requestedAt: new Date('2026-05-01'), deadlineAt: new Date('2026-05-08'), actorId: null }),
    ];
    check();
    // The confirmed claim with two disputes leads; the draft is never listed.
    expect(listMostDisputedClaims({ limit: 5 })[0]).toMatchObject({ id: buses, disputes: 2 });
    expect(listMostDisputedClaims({ limit: 10 }).map((c) => c.id)).not.toContain(draft);

    // A confirmation becomes a denial, a denial a partial confirmation, an open request a dispute.
    updateResponse({ claimId: harbour, id: added[2]!.id, version: version(added[2]!.id), partyId: parties[2]!, stance: 'denies', quote: 'Doch nicht.', actorId: null });
    updateResponse({ claimId: buses, id: added[1]!.id, version: version(added[1]!.id), partyId: parties[1]!, stance: 'partly_confirms', quote: 'جزئيا', actorId: null });
    updateResponse({ claimId: rents, id: added[4]!.id, version: version(added[4]!.id), partyId: parties[3]!, stance: 'disputes', quote: '“Forty” counts new builds only.', actorId: null });
    check();
    removeResponse({ claimId: buses, id: added[0]!.id, actorId: null });
    check();
    // A merge gives responses another party: their counts stay.
    mergeParties({ keepId: parties[0]!, removeId: parties[2]!, actorId: null });
    check();
    // A withdrawn claim leaves the list, its count kept.
    withdrawClaim({ id: harbour, version: (raw().prepare('SELECT version FROM claims WHERE id = ?').get(harbour) as { version: number }).version, note: 'Wrong figure.', actorId: null });
    check();
    expect(listMostDisputedClaims({ limit: 10 }).map((c) => c.id)).not.toContain(harbour);
    expect(listMostDisputedClaims({ limit: 10 }).map((c) => c.id)).toContain(ferry);
  });

  it('counts parties, not responses: one party disputing twice is one party disputing', () => {
    const [, , , , tram] = claimIds as [number, number, number, number, number];
    const count = () => listMostDisputedClaims({ limit: 50 }).find((c) => c.id === tram)?.disputes;
    const [union, riders] = ['Tram riders’ union', 'رابطة الركاب 🚋'].map((name) => createParty({ name, kind: 'organization' }).id) as [number, number];
    addResponse({ claimId: tram, partyId: union, stance: 'disputes', quote: 'Fares rose in March.', actorId: null });
    const second = addResponse({ claimId: tram, partyId: union, stance: 'denies', quote: '"We never said "frozen.""', actorId: null });
    expect(count()).toBe(1);
    addResponse({ claimId: tram, partyId: riders, stance: 'disputes', quote: 'الأسعار ارتفعت', actorId: null });
    expect(count()).toBe(2);
    // The union's follow-up moved to the riders: still two parties; the riders merged into the union: one.
    updateResponse({ claimId: tram, id: second.id, version: version(second.id), partyId: riders, stance: 'denies', quote: 'Not frozen.', actorId: null });
    expect(count()).toBe(2);
    mergeParties({ keepId: union, removeId: riders, actorId: null });
    expect(count()).toBe(1);
    expect(wrongCounts()).toEqual([]);
  });

  it('is read from its index, in its order, without counting responses or sorting', () => {
    const plan = getDb()
      .all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${mostDisputedQuery(5)}`)
      .map((row) => row.detail);
    expect(plan.some((step) => /SCAN c USING INDEX claims_disputed_idx/.test(step))).toBe(true);
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE|responses/);
  });
});
