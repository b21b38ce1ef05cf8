import type Database from 'better-sqlite3';

/**
 * The triggers that keep `change_counter.counted` (db/schema.ts) moving with every row change
 * of a table readers may see, made when a database opens rather than in a migration, so a
 * table a later migration adds (or rebuilds, which drops its triggers) is counted without
 * anyone remembering to.
 *
 * Not counted: tables no reader page shows that are written outside write() and its log, so
 * their commits must not look like unlogged content changes to the other server processes:
 * the auth library's sessions, accounts and verifications (every sign-in and sign-out writes
 * them), invitations (minted by `npm run invite` and the admin page), the sign-in limits, and
 * the invalidation log itself, and the create forms' one-time keys (form_submissions: written in
 * the transaction of the logged write they name, after its log). Every other table is counted, the
 * users included (a name may appear on reader pages).
 */
export const UNCOUNTED_TABLES: readonly string[] = ['sessions', 'accounts', 'verifications', 'invites', 'rate_limits', 'cache_tags', 'change_counter', 'form_submissions'];

const OPERATIONS = ['insert', 'update', 'delete'] as const;
const triggerName = (table: string, operation: (typeof OPERATIONS)[number]) => `change_counter_${table}_${operation}`;

/** The counted tables: ordinary tables (not FTS5's virtual or shadow tables, not SQLite's or drizzle's own) outside UNCOUNTED_TABLES. */
export function countedTables(sqlite: Database.Database): string[] {
  const names = sqlite
    .prepare(`SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' ORDER BY name`)
    .pluck()
    .all() as string[];
  return names.filter((name) => !UNCOUNTED_TABLES.includes(name));
}

/**
 * Creates the missing counter triggers and drops those of tables no longer counted (none of
 * either after the first open of a given schema), in one write transaction.
 */
export function ensureChangeCounter(sqlite: Database.Database): void {
  const plan = () => {
    const have = new Set(sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'change\\_counter\\_%' ESCAPE '\\'`).pluck().all() as string[]);
    const wanted = countedTables(sqlite).flatMap((table) => OPERATIONS.map((op) => ({ table, op, name: triggerName(table, op) })));
    const names = new Set(wanted.map((t) => t.name));
    return { missing: wanted.filter((t) => !have.has(t.name)), extra: [...have].filter((name) => !names.has(name)) };
  };
  // Read first: an up-to-date database is not written to (several processes open it at once).
  const first = plan();
  if (first.missing.length === 0 && first.extra.length === 0) return;
  sqlite.transaction(() => {
    sqlite.prepare('INSERT OR IGNORE INTO change_counter (id, counted, logged) VALUES (1, 0, 0)').run();
    const { missing, extra } = plan();
    for (const name of extra) sqlite.exec(`DROP TRIGGER "${name}"`);
    for (const { table, op, name } of missing) {
      sqlite.exec(`CREATE TRIGGER "${name}" AFTER ${op.toUpperCase()} ON "${table}" BEGIN UPDATE change_counter SET counted = counted + 1 WHERE id = 1; END`);
    }
  }).immediate();
}
