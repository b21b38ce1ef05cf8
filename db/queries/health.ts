import 'server-only';
import { getDb } from '@/db';

/**
 * Checks of the database as a whole, for the crash test and operators: what
 * must hold however the server stopped.
 */
export function databaseHealth({ titles = [], statements = [] }: { titles?: string[]; statements?: string[] } = {}) {
  const sqlite = getDb().$client;
  const found = new Set(sqlite.prepare('select title from articles').pluck().all() as string[]);
  const claimed = new Set(sqlite.prepare('select statement from claims').pluck().all() as string[]);
  return {
    integrity: sqlite.pragma('integrity_check', { simple: true }) as string,
    /** Claims whose creation was not recorded in their history (a half-written claim). */
    claimsWithoutEvents: sqlite
      .prepare("select id from claims where id not in (select claim_id from claim_events where kind = 'created')")
      .pluck()
      .all() as number[],
    articlesWithoutText: sqlite
      .prepare(
        `select id from articles a where current_revision_id is null
           or not exists (select 1 from article_revisions r where r.id = a.current_revision_id)`,
      )
      .pluck()
      .all() as number[],
    missingTitles: titles.filter((t) => !found.has(t)),
    missingStatements: statements.filter((t) => !claimed.has(t)),
    articles: sqlite.prepare('select count(*) from articles').pluck().get() as number,
  };
}
