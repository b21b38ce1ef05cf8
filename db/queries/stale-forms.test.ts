import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { claimSources, claims, parties, responses } from '@/db/schema';
import { seedDemoOnFirstRun } from '@/db/seed';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { updateParty } from './parties';
import { addResponse, listClaimSources, updateClaimSource, updateResponse } from './sources';

// Issue 16, case 6: a form opened before another editor saved must not erase that editor's work.
// Every form that edits an existing row carries the version it was rendered with.

let file: string;
beforeEach(() => {
  file = useFreshDatabase();
  seedDemoOnFirstRun();
});
afterEach(() => removeDatabase(file));

const conflict = expect.objectContaining({ code: 'conflict' });
const claimId = () => getDb().select().from(claims).where(eq(claims.published, true)).get()!.id;

describe('stale forms are refused with the other editor’s change', () => {
  it('6: a stale response form (only the deadline extended) does not erase the reply another editor recorded', () => {
    const id = claimId();
    const party = getDb().select().from(parties).get()!;
    const asked = addResponse({ claimId: id, partyId: party.id, requestedAt: new Date('2026-05-01'), deadlineAt: new Date('2026-05-08'), actorId: null });
    const opened = asked.version;
    // Anna records the reply.
    updateResponse({ claimId: id, id: asked.id, version: opened, partyId: party.id, stance: 'disputes', quote: '“Our sensors show no rise,” the council’s spokesperson said 🚦.', requestedAt: asked.requestedAt, deadlineAt: asked.deadlineAt, respondedAt: new Date('2026-05-06'), actorId: null });
    // Bilal's form, opened earlier, only extends the deadline.
    let refused: unknown;
    try {
      updateResponse({ claimId: id, id: asked.id, version: opened, partyId: party.id, stance: null, quote: '', requestedAt: asked.requestedAt, deadlineAt: new Date('2026-05-15'), actorId: null });
    } catch (error) {
      refused = error;
    }
    expect(refused).toEqual(conflict);
    expect((refused as { detail: { quote: string } }).detail.quote).toContain('Our sensors show no rise');
    const stored = getDb().select().from(responses).where(eq(responses.id, asked.id)).get()!;
    expect(stored).toMatchObject({ stance: 'disputes', quote: expect.stringContaining('no rise') });
  });

  it('6: a stale citation form does not overwrite how another editor cites the source', () => {
    const id = getDb().select().from(claimSources).get()!.claimId;
    const cited = listClaimSources({ claimId: id })[0]!;
    const opened = getDb().select().from(claimSources).where(eq(claimSources.sourceId, cited.id)).get()!.version;
    const form = { claimId: id, sourceId: cited.id, source: { url: cited.url, title: cited.title, publisher: cited.publisher, publishedAt: cited.publishedAt, archivedUrl: cited.archivedUrl } };
    updateClaimSource({ ...form, version: opened, relation: 'contradicts', excerpt: 'Table 4, row “Side streets”: −2 %', actorId: null });
    expect(() => updateClaimSource({ ...form, version: opened, relation: 'supports', excerpt: '', actorId: null })).toThrow(conflict);
    expect(listClaimSources({ claimId: id })[0]).toMatchObject({ relation: 'contradicts', excerpt: 'Table 4, row “Side streets”: −2 %' });
  });

  it('6: a stale party form does not undo another editor’s rename', () => {
    const party = getDb().select().from(parties).get()!;
    updateParty({ id: party.id, version: party.version, name: 'Riverside City Council (العربية)', kind: party.kind, description: party.description });
    expect(() => updateParty({ id: party.id, version: party.version, name: party.name, kind: party.kind, description: 'Older text' })).toThrow(conflict);
    expect(getDb().select().from(parties).where(eq(parties.id, party.id)).get()!.name).toBe('Riverside City Council (العربية)');
  });
});
