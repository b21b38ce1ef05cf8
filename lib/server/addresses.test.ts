import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticle } from '@/db/queries/articles';
import { createClaim } from '@/db/queries/claims';
import { createParty, mergeParties, updateParty } from '@/db/queries/parties';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { createAnchor } from '@/lib/anchor';
import { invalidate, tags } from './cache';
import { readArticleAddress, readPartyAddress } from './reader';

// Addresses of party and article pages typed by hand or shared in chats: another letter case,
// spaces and accents where the slug has hyphens and ASCII, a name in a script slugs drop.

let file: string;
const TITLE = 'Zoë’s ferry: fares “frozen” until 2027, the mayor says';
let article: { slug: string };
const party: Record<string, { id: number; slug: string; version: number }> = {};

beforeAll(() => {
  file = useFreshDatabase();
  const names = ['Zoë Marchetti', 'Kestrel Glassworks', '東京都庁', '大阪府', 'داليا حداد', 'Harbour Board'];
  const made = createArticle({ title: TITLE, outlet: 'Quay Courier', body: names.map((n) => `${n} said the fares would stay frozen.`).join('\n\n'), actorId: null });
  article = made;
  for (const name of names) {
    const p = createParty({ name, kind: 'person' });
    party[name] = p;
    const start = made.body.indexOf(name);
    createClaim({ articleId: made.id, anchor: createAnchor(made.body, start, start + name.length + 5)!, claimantPartyId: p.id, published: true, actorId: null });
  }
  invalidate(['lists']);
});
afterAll(() => removeDatabase(file));

describe('an address typed by hand', () => {
  it('leads to the party it names: other letter case, spaces and accents for hyphens and ASCII, a trailing hyphen', () => {
    expect(readPartyAddress('Kestrel-Glassworks')).toBe('kestrel-glassworks');
    expect(readPartyAddress('KESTREL GLASSWORKS')).toBe('kestrel-glassworks');
    expect(readPartyAddress('Zoë Marchetti')).toBe('zoe-marchetti');
    expect(readPartyAddress('zoe-marchetti-')).toBe('zoe-marchetti');
  });

  it('leads to a party by its name in a script slugs drop, each to its own party, spacing and case aside', () => {
    expect(party['東京都庁']!.slug).toBe('item');
    expect(readPartyAddress('東京都庁')).toBe(party['東京都庁']!.slug);
    expect(readPartyAddress('大阪府')).toBe(party['大阪府']!.slug);
    expect(readPartyAddress('  داليا   حداد ')).toBe(party['داليا حداد']!.slug);
    expect(readPartyAddress('Item-2')).toBe(party['大阪府']!.slug);
  });

  it('leads nowhere for a name or slug no public party has', () => {
    for (const part of ['Kestrel', 'kestrel-glassworks-2', '名古屋市', '%E6%9D%B1', '-', '']) expect(readPartyAddress(part), part).toBeNull();
  });

  it('follows renames and merges: the new name leads to the party, the merged party’s name and slug to the party kept', () => {
    const board = party['Harbour Board']!;
    updateParty({ id: board.id, version: board.version, name: 'Port Ellery Harbour Board', kind: 'government' });
    invalidate(['lists']);
    expect(readPartyAddress('Port Ellery Harbour Board')).toBe(board.slug);
    mergeParties({ keepId: party['Kestrel Glassworks']!.id, removeId: party['Zoë Marchetti']!.id, actorId: null });
    // What the merge action invalidates.
    invalidate([tags.party(party['Kestrel Glassworks']!.id), tags.party(party['Zoë Marchetti']!.id), tags.lists]);
    expect(readPartyAddress('Zoë-Marchetti')).toBe('kestrel-glassworks');
  });

  it('leads to the article it names: its slug in other letter case, or its headline typed whole', () => {
    expect(article.slug).toBe('zoe-s-ferry-fares-frozen-until-2027-the-mayor-says');
    expect(readArticleAddress(article.slug.toUpperCase())).toBe(article.slug);
    expect(readArticleAddress(TITLE)).toBe(article.slug);
    expect(readArticleAddress(`${article.slug}-`)).toBe(article.slug);
    expect(readArticleAddress('zoe-s-ferry')).toBeNull();
    expect(readArticleAddress(article.slug)).toBeNull();
  });
});
