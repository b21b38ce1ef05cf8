import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { claims } from '@/db/schema';
import { seedDemoOnFirstRun } from '@/db/seed';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { countOpenReplies, listOpenReplies } from './board';
import { createParty } from './parties';
import { addResponse } from './sources';

let file: string;
beforeEach(() => {
  file = useFreshDatabase();
  seedDemoOnFirstRun();
});
afterEach(() => removeDatabase(file));

const day = (d: number) => new Date(Date.UTC(2026, 10, d));

describe('open requests for comment, a page at a time', () => {
  it('pages through every open request once, overdue first, then by deadline, those without one last', () => {
    const claimIds = getDb().select({ id: claims.id }).from(claims).all().map((c) => c.id);
    const party = createParty({ name: 'Hafenverwaltung „Nord“ ⚓', kind: 'organization' });
    const before = countOpenReplies();
    // 23 requests with deadlines spread (some equal, to test the tie-break), 4 without one, and an answered one.
    for (let i = 0; i < 27; i++) {
      addResponse({ claimId: claimIds[i % claimIds.length]!, partyId: party.id, requestedAt: day(1), deadlineAt: i < 23 ? day(2 + (i % 9)) : null, actorId: null });
    }
    addResponse({ claimId: claimIds[0]!, partyId: party.id, stance: 'disputes', quote: '“Nein.”', requestedAt: day(1), respondedAt: day(2), actorId: null });
    const total = countOpenReplies();
    expect(total).toBe(before + 27);

    const all = listOpenReplies({ now: day(6) });
    expect(all).toHaveLength(total);
    const pages = [0, 1, 2, 3].flatMap((p) => listOpenReplies({ now: day(6), limit: 10, offset: p * 10 }));
    expect(pages.map((r) => r.responseId)).toEqual(all.map((r) => r.responseId));
    expect(new Set(pages.map((r) => r.responseId)).size).toBe(total);
    expect(listOpenReplies({ limit: 10, offset: 10 * Math.ceil(total / 10) })).toEqual([]);

    const deadlines = all.map((r) => r.deadlineAt?.getTime() ?? Infinity);
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
    expect(all.at(-1)!.deadlineAt).toBeNull();
    // Overdue ones come first (their deadlines are the earliest).
    const firstNotOverdue = all.findIndex((r) => !r.overdue);
    expect(all.slice(firstNotOverdue).some((r) => r.overdue)).toBe(false);
  });
});
