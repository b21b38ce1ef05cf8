import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase } from './backup';
import { closeDb } from './index';
import { openDatabase } from './open';
import { seedDemoOnFirstRun } from './seed';
import { removeDatabase, useFreshDatabase } from './testing';

const files: string[] = [];
afterEach(() => files.splice(0).forEach(removeDatabase));

function useDemoDatabase(): string {
  const file = useFreshDatabase();
  files.push(file);
  seedDemoOnFirstRun();
  closeDb();
  return file;
}

/** Every table's rows, in a stable order: two databases with equal dumps hold the same content. */
function dump(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'claims_fts_%' order by name")
      .pluck()
      .all() as string[];
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`select * from "${t}" order by 1, 2`).all()]));
  } finally {
    db.close();
  }
}

// A second connection, in its own thread, editing claims as fast as it can: each
// transaction bumps a claim's version and appends its event, as the app does.
const WRITER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const ids = db.prepare('select id from claims').pluck().all();
const bump = db.prepare("update claims set version = version + 1, status_note = ? where id = ?");
const event = db.prepare("insert into claim_events (claim_id, at, kind, before, after) values (?, ?, 'edited', null, ?)");
const edit = db.transaction((id, n) => {
  bump.run('edit ' + n, id);
  event.run(id, Date.now(), JSON.stringify({ n }));
}).immediate;
let n = 0;
const stop = new Int32Array(workerData.stop);
while (Atomics.load(stop, 0) === 0) {
  edit(ids[n % ids.length], n++);
  if (n === 50) parentPort.postMessage('writing');
}
db.close();
parentPort.postMessage(n);
`;

/** Each claim's version minus the writer's events on it: unchanged by whole edits, changed by a torn one. */
function versionsLessEdits(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare(
        `select c.id, c.version - (select count(*) from claim_events e
           where e.claim_id = c.id and e.kind = 'edited' and e.after like '{"n":%') as base
         from claims c order by c.id`,
      )
      .all();
  } finally {
    db.close();
  }
}

describe('online backup', () => {
  it('copies a database that is being written to: a complete, consistent, restorable file', async () => {
    const file = useDemoDatabase();
    const copy = `${file}.backup`;
    files.push(copy);
    const before = versionsLessEdits(file);
    const stop = new SharedArrayBuffer(4);
    const worker = new Worker(WRITER, {
      eval: true,
      workerData: { file, stop, driver: require.resolve('better-sqlite3') },
    });
    const next = () =>
      new Promise<unknown>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
    const writing = next();
    expect(await writing).toBe('writing');
    const edits = next();

    await backupDatabase({ from: file, to: copy });
    await backupDatabase({ from: file, to: copy }); // over an older backup
    Atomics.store(new Int32Array(stop), 0, 1);
    expect(await edits).toBeGreaterThan(50);

    // The copy opens like any Claimline database, passes its integrity check and has no torn edit.
    const restored = openDatabase(copy);
    expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(restored.prepare('select count(*) from claims').pluck().get()).toBeGreaterThan(0);
    restored.close();
    expect(versionsLessEdits(copy)).toEqual(before);
    expect(fs.existsSync(`${copy}.partial`)).toBe(false);
  });

  it('when nothing is writing, the copy holds exactly the same content', async () => {
    const file = useDemoDatabase();
    const copy = `${file}.backup`;
    files.push(copy);
    await backupDatabase({ from: file, to: copy });
    expect(dump(copy)).toEqual(dump(file));
  });
});
