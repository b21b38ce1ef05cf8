import { afterEach, describe, expect, it } from 'vitest';
import { countedTables, UNCOUNTED_TABLES } from './change-counter';
import { closeDb, getDb } from './index';
import { readCounter, readLogSince } from './queries/invalidations';
import { write } from './queries/tx';
import { parties } from './schema';
import { removeDatabase, useFreshDatabase } from './testing';

const files: string[] = [];
afterEach(() => files.splice(0).forEach(removeDatabase));
const triggersOn = (table: string) =>
  getDb().$client.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND name LIKE 'change_counter_%'").pluck().all(table);

describe('the change counter', () => {
  it('counts every table readers may see, and none of the auth library’s or the log’s', () => {
    files.push(useFreshDatabase());
    const sqlite = getDb().$client;
    const counted = countedTables(sqlite);
    expect(counted).toEqual(expect.arrayContaining(['claims', 'articles', 'parties', 'responses', 'claim_events', 'users', 'meta']));
    for (const table of counted) expect(triggersOn(table), table).toHaveLength(3);
    for (const table of UNCOUNTED_TABLES) expect(triggersOn(table), table).toHaveLength(0);
    // FTS5's index is written by the claims' own triggers; its tables take no triggers of their own.
    expect(counted.some((table) => table.startsWith('claims_fts'))).toBe(false);
  });

  it('counts a table a later migration adds, from the next open on', () => {
    const file = useFreshDatabase();
    files.push(file);
    getDb().$client.exec('CREATE TABLE corrections_digest (id INTEGER PRIMARY KEY, note TEXT)');
    closeDb();
    process.env.DATABASE_PATH = file;
    expect(triggersOn('corrections_digest')).toHaveLength(3);
    const before = readCounter().counted;
    getDb().$client.prepare('INSERT INTO corrections_digest (note) VALUES (?)').run('Ein Nachtrag — « corrigé »');
    expect(readCounter().counted).toBe(before + 1);
  });

  it('stays even through write(), and a write after a commit nobody logged logs it as everything', () => {
    files.push(useFreshDatabase());
    write((tx) => tx.insert(parties).values({ name: 'Harbour Workers’ Guild', slug: 'harbour-workers-guild', kind: 'organization' }).run());
    const afterWrite = readCounter();
    expect(afterWrite.counted).toBeGreaterThan(0);
    expect(afterWrite.logged).toBe(afterWrite.counted);

    getDb().$client.prepare("UPDATE parties SET name = 'Harbour Workers’ Guild (typed in sqlite3)'").run();
    expect(readCounter().logged).toBeLessThan(readCounter().counted);
    const since = Math.max(...readLogSince(0).map((row) => row.version));
    write((tx) => tx.insert(parties).values({ name: 'حزب الميناء', slug: 'hizb-al-mina', kind: 'government' }).run());
    const counter = readCounter();
    expect(counter.logged).toBe(counter.counted);
    // Under an origin no process takes for its own (the writer drops everything too), naming the
    // count up to which it explains the commits: this write's own, itself a change to everything.
    expect(readLogSince(since)).toEqual(expect.arrayContaining([expect.objectContaining({ tag: '*', version: since + 1, origin: `unlogged:${counter.counted}` })]));
  });
});
