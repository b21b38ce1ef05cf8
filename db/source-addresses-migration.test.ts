import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, openDatabase } from './open';

// Migration 0022 stores the addresses of sources saved before it as sourceAddress (lib/page-url.ts)
// stores new ones, so the next citation of the same page finds its row; it never merges two rows.

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A database file as the version that ended with migration 0021 left it, with these source addresses. */
function before0022(urls: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimline-0022-'));
  dirs.push(dir);
  const older = path.join(dir, 'migrations');
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === '0022_source_addresses'));
  expect(journal.entries.at(-1)?.tag).toBe('0021_form_submission_input_hash');
  fs.mkdirSync(path.join(older, 'meta'), { recursive: true });
  fs.writeFileSync(path.join(older, 'meta', '_journal.json'), JSON.stringify(journal));
  for (const { tag } of journal.entries) fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${tag}.sql`), path.join(older, `${tag}.sql`));
  const file = path.join(dir, 'claimline.db');
  const sqlite = new Database(file);
  migrate(drizzle({ client: sqlite }), { migrationsFolder: older });
  const insert = sqlite.prepare('INSERT INTO sources (url, title, created_at, updated_at) VALUES (?, ?, 0, 0)');
  urls.forEach((url, i) => insert.run(url, `Source ${i + 1}`));
  sqlite.close();
  return file;
}

describe('migration 0022', () => {
  it('stores old addresses as new ones are stored, leaves a row whose address another row has, and keeps what tells pages apart', () => {
    const file = before0022([
      'https://Example.org/a?utm_source=newsletter#top',
      'https://example.org/b',
      'https://example.org/b?fbclid=IwAR0x',
      'HTTPS://EXAMPLE.ORG:443/c#one',
      'https://example.org/c#two',
      'https://example.org/Report/?page=2&q=a%20b&gclid=x',
      'https://example.org/report/?page=2',
      'https://bürgerbüro.example/Seite',
    ]);
    const sqlite = openDatabase(file);
    const rows = sqlite.prepare('SELECT title, url FROM sources ORDER BY id').all() as { title: string; url: string }[];
    sqlite.close();
    expect(rows).toEqual([
      { title: 'Source 1', url: 'https://example.org/a' },
      { title: 'Source 2', url: 'https://example.org/b' },
      // Its address is source 2's: two rows stay two (their citations and copies are their own).
      { title: 'Source 3', url: 'https://example.org/b?fbclid=IwAR0x' },
      { title: 'Source 4', url: 'https://example.org/c' },
      { title: 'Source 5', url: 'https://example.org/c#two' },
      { title: 'Source 6', url: 'https://example.org/Report/?page=2&q=a%20b' },
      { title: 'Source 7', url: 'https://example.org/report/?page=2' },
      { title: 'Source 8', url: 'https://xn--brgerbro-65af.example/Seite' },
    ]);
  });
});
