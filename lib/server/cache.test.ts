import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { cached, claimTags, contentVersion, invalidate, tags } from './cache';

let file: string;
beforeAll(() => {
  file = useFreshDatabase();
});
afterAll(() => removeDatabase(file));

describe('reader cache', () => {
  it('reuses a value until one of its tags is invalidated', () => {
    let loads = 0;
    const load = () => cached('test:claim-7', [tags.claim(7), tags.lists], () => ++loads);
    expect(load()).toBe(1);
    expect(load()).toBe(1);
    invalidate([tags.claim(8)]);
    expect(load()).toBe(1);
    invalidate([tags.claim(7)]);
    expect(load()).toBe(2);
    invalidate([tags.lists]);
    expect(load()).toBe(3);
  });

  it('changes the content version on every invalidation', () => {
    const before = contentVersion();
    invalidate([tags.party(1)]);
    expect(contentVersion()).not.toBe(before);
  });

  it('lists the tags a claim change touches', () => {
    expect(claimTags({ id: 3, articleIds: [1, 2], partyIds: [5, null] })).toEqual([
      'claim:3',
      'article:1',
      'article:2',
      'party:5',
      'lists',
    ]);
  });
});

describe('tags computed from the cached value', () => {
  it('follows the tags the value names', () => {
    let loads = 0;
    const load = () => cached('test:derived', (v: { party: number }) => [tags.party(v.party)], () => ({ party: 4, n: ++loads }));
    expect(load().n).toBe(1);
    invalidate([tags.party(4)]);
    expect(load().n).toBe(2);
  });
});

describe('writes from another connection', () => {
  it('drop the cache', () => {
    getDb().$client.exec('CREATE TABLE IF NOT EXISTS scratch (x)');
    let loads = 0;
    const load = () => cached('test:outside', [tags.lists], () => ++loads);
    expect(load()).toBe(1);
    expect(load()).toBe(1);
    const other = new Database(file);
    other.exec('INSERT INTO scratch VALUES (1)');
    other.close();
    expect(load()).toBe(2);
  });
});
