import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_TEXT, POLICY_PAGES } from '@/lib/policies';
import { getDb } from '../index';
import { addUser, removeDatabase, useFreshDatabase } from '../testing';
import { getPolicy, listPolicyHistory, savePolicy, seedPolicies } from './policies';

let file: string;
beforeEach(() => {
  file = useFreshDatabase();
});
afterEach(() => removeDatabase(file));

describe('policy pages', () => {
  it('shows the default text before anything is stored, and seeds it once', () => {
    expect(getPolicy({ page: 'methodology' })).toMatchObject({ id: 0, body: DEFAULT_POLICY_TEXT.methodology, createdAt: null });
    expect(seedPolicies()).toBe(POLICY_PAGES.length);
    expect(seedPolicies()).toBe(0);
    const seeded = getPolicy({ page: 'methodology' });
    expect(seeded.id).toBeGreaterThan(0);
    expect(seeded.body).toBe(DEFAULT_POLICY_TEXT.methodology);
    expect(listPolicyHistory({ page: 'contact' })).toHaveLength(1);
  });

  it('publishes each save as a new version and keeps the old ones, newest first', () => {
    seedPolicies();
    const admin = addUser('Ines Ödegaard', 'admin');
    const first = getPolicy({ page: 'contact' });
    const text = '## Schreiben Sie uns\n\n“Hinweise” an tips@newsroom.example — 谢谢 🙏';
    const saved = savePolicy({ page: 'contact', body: text, note: 'Our address', baseId: first.id, actorId: admin });
    expect(getPolicy({ page: 'contact' })).toMatchObject({ id: saved.id, body: text, note: 'Our address', author: 'Ines Ödegaard' });
    const history = listPolicyHistory({ page: 'contact' });
    expect(history.map((v) => v.body)).toEqual([text, DEFAULT_POLICY_TEXT.contact]);
    expect(history[1]!.author).toBeNull();
    // Other pages are untouched.
    expect(getPolicy({ page: 'methodology' }).body).toBe(DEFAULT_POLICY_TEXT.methodology);
  });

  it('refuses to publish the text readers already see (a press of Publish without a change), whatever its line ends', () => {
    seedPolicies();
    const admin = addUser('Ines Ödegaard', 'admin');
    const current = getPolicy({ page: 'contact' });
    // As the browser posts a textarea: CRLF line ends.
    expect(() => savePolicy({ page: 'contact', body: current.body.replace(/\n/g, '\r\n'), note: 'No change', baseId: current.id, actorId: admin })).toThrow(
      expect.objectContaining({ fieldErrors: { body: ['This is the text readers see now: change it before publishing a new version.'] } }),
    );
    expect(listPolicyHistory({ page: 'contact' })).toHaveLength(1);
  });

  it('judges "unchanged" by what readers see: white space a browser collapses is no change, an indent or a no-break space is', () => {
    seedPolicies();
    const admin = addUser('Ines Ödegaard', 'admin');
    const base = getPolicy({ page: 'contact' });
    const text = 'Write to us:\ntips@newsroom.example.\n\nWe answer within 2 working days — 谢谢 🙏\n\n> “Tips” are read by two editors.';
    const first = savePolicy({ page: 'contact', body: text, note: '', baseId: base.id, actorId: admin });
    const unchanged = [
      text.replace('within 2', 'within  2').replace('Write to us:', 'Write to us: '),
      `\n\n${text}\n   \n`,
      text.replace(/\n/g, '\r\n'),
      text.replace('\n\nWe', '\n\n\n\nWe'),
    ];
    for (const body of unchanged) {
      expect(() => savePolicy({ page: 'contact', body, note: '', baseId: first.id, actorId: admin }), JSON.stringify(body)).toThrow(
        expect.objectContaining({ fieldErrors: { body: [expect.stringMatching(/^This is the text readers see now/)] } }),
      );
    }
    // Four spaces make a code block; a no-break space keeps "2 working" on one line; two trailing spaces break the line.
    let latest = first.id;
    for (const body of [`    ${text}`, text.replace('within 2 working', 'within 2\u00a0working'), text.replace('Write to us:', 'Write to us:  ')]) {
      // Each a change from the text, and back.
      for (const next of [body, text]) {
        latest = savePolicy({ page: 'contact', body: next, note: '', baseId: latest, actorId: admin }).id;
        expect(getPolicy({ page: 'contact' }).body).toBe(next);
      }
    }
    expect(listPolicyHistory({ page: 'contact' })).toHaveLength(8);
  });

  it('refuses a save from a stale form with the other admin’s text, and keeps both', () => {
    seedPolicies();
    const a = addUser('A', 'admin');
    const b = addUser('B', 'admin');
    const base = getPolicy({ page: 'corrections' }).id;
    savePolicy({ page: 'corrections', body: 'B’s version', note: '', baseId: base, actorId: b });
    expect(() => savePolicy({ page: 'corrections', body: 'A’s version', note: '', baseId: base, actorId: a })).toThrow(
      expect.objectContaining({ code: 'conflict', detail: expect.objectContaining({ body: 'B’s version' }) }),
    );
    expect(getPolicy({ page: 'corrections' }).body).toBe('B’s version');
    // Saving again from B's version goes through.
    savePolicy({ page: 'corrections', body: 'A’s version', note: '', baseId: getPolicy({ page: 'corrections' }).id, actorId: a });
    expect(listPolicyHistory({ page: 'corrections' }).map((v) => v.body)).toEqual(['A’s version', 'B’s version', DEFAULT_POLICY_TEXT.corrections]);
  });

  it('never rewrites or removes a version readers saw', () => {
    seedPolicies();
    const sqlite = getDb().$client;
    expect(() => sqlite.prepare("UPDATE policy_revisions SET body = 'rewritten'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM policy_revisions').run()).toThrow(/append-only/);
  });
});
