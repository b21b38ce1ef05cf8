import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { meta } from '@/db/schema';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { readLogSince, settleWrites, withWriteLog } from './invalidations';
import { write } from './tx';

const FULL = 2;
const NORMAL = 1;
const synchronous = () => getDb().$client.pragma('synchronous', { simple: true });

describe('naming a saved write’s tags', () => {
  let file: string;
  beforeEach(() => {
    file = useFreshDatabase();
    // Each row the log gets, with the connection's synchronous setting when it was written.
    getDb().$client.exec(`
      CREATE TEMP TABLE logged (tag TEXT, sync INTEGER);
      CREATE TEMP TRIGGER logged_insert AFTER INSERT ON main.cache_tags BEGIN INSERT INTO logged SELECT new.tag, synchronous FROM pragma_synchronous; END;
      CREATE TEMP TRIGGER logged_update AFTER UPDATE ON main.cache_tags BEGIN INSERT INTO logged SELECT new.tag, synchronous FROM pragma_synchronous; END;`);
  });
  afterEach(() => removeDatabase(file));

  const save = (value: string, tags: string[]) =>
    withWriteLog(async () => {
      write((tx) => tx.insert(meta).values({ key: 'note', value }).onConflictDoUpdate({ target: meta.key, set: { value } }).run());
      settleWrites(tags);
    });

  it('commits the write waiting for the disk, and the tags that settle it without, then waits again', async () => {
    expect(synchronous()).toBe(FULL);
    await save('Stellungnahme „eingegangen“ ✅', ['claim:7', 'lists']);
    const rows = getDb().$client.prepare('SELECT tag, sync FROM logged').all() as { tag: string; sync: number }[];
    expect(rows.filter((r) => r.tag.startsWith('pending:')).map((r) => r.sync)).toEqual([FULL]);
    expect(rows.filter((r) => !r.tag.startsWith('pending:'))).toEqual([
      { tag: 'claim:7', sync: NORMAL },
      { tag: 'lists', sync: NORMAL },
    ]);
    expect(synchronous()).toBe(FULL);
    // What another process reads: the tags, and no pending row left.
    expect(readLogSince(0).map((r) => r.tag).sort()).toEqual(['claim:7', 'lists']);
  });

  it('names tags from inside a transaction too, committed with it', async () => {
    await withWriteLog(async () => {
      write((tx) => {
        tx.insert(meta).values({ key: 'nested', value: 'Antwort „später“' }).run();
        settleWrites(['claim:12']);
      });
    });
    expect(synchronous()).toBe(FULL);
    expect(readLogSince(0).map((r) => r.tag)).toContain('claim:12');
  });

  it('waits for the disk again after a settle that failed', async () => {
    getDb().$client.exec("CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.cache_tags WHEN new.tag = 'claim:8' BEGIN SELECT RAISE(ABORT, 'disk I/O error (simulated)'); END;");
    await expect(save('رد الطرف', ['claim:8'])).rejects.toThrow('simulated');
    expect(synchronous()).toBe(FULL);
    // The next save's write waits for the disk as before.
    getDb().$client.exec('DROP TRIGGER temp.refuse; DELETE FROM logged');
    await save('回复', ['claim:9']);
    const rows = getDb().$client.prepare('SELECT tag, sync FROM logged').all() as { tag: string; sync: number }[];
    expect(rows.find((r) => r.tag.startsWith('pending:'))?.sync).toBe(FULL);
  });
});
