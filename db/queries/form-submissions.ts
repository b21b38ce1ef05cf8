import 'server-only';
import { eq, lt } from 'drizzle-orm';
import { getDb, immediate } from '@/db';
import { formSubmissions } from '@/db/schema';
import { AppError } from '@/lib/errors';

/** How long a key is remembered: far longer than any resubmit of one form, short enough that the table stays small. */
export const FORM_KEY_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

type Once = { key: string | undefined; form: string; actorId: string };

/** The result the create form with this key already had, or undefined when nothing was saved with it yet. */
export function firstResult<T>({ key, form, actorId }: Once): T | undefined {
  if (!key) return undefined;
  // A plain read: inside once() it runs in the write transaction, on the same connection.
  const seen = getDb().select().from(formSubmissions).where(eq(formSubmissions.key, key)).get();
  if (!seen) return undefined;
  // A key is made for one form and one editor; another's is no proof of anything (and never theirs to replay).
  if (seen.form !== form || seen.actorId !== actorId) throw new AppError('invalid', { message: 'This form is out of date: reload the page and fill it in again.' });
  return JSON.parse(seen.result) as T;
}

/**
 * Runs a create form's write once per form key (`work` writes in its own write(), nested here as a
 * savepoint of the same BEGIN IMMEDIATE transaction): the key is stored with the result in that
 * transaction, so a form sent twice (its first answer lost on the way back) gets the first result
 * instead of a second row, also when both arrive at once (the second waits for the write lock,
 * then finds the key). A failed write stores nothing: the same key may try again. The result
 * comes back through JSON (dates as strings): callers read its ids. Without a key (a form from
 * before keys, a script) it simply writes.
 */
export function once<T>(submission: Once, work: () => T): T {
  const { key, form, actorId } = submission;
  if (!key) return work();
  return immediate((tx) => {
    const seen = firstResult<T>(submission);
    if (seen !== undefined) return seen;
    const result = work();
    const now = new Date();
    tx.delete(formSubmissions).where(lt(formSubmissions.createdAt, new Date(now.getTime() - FORM_KEY_KEPT_MS))).run();
    tx.insert(formSubmissions).values({ key, form, actorId, result: JSON.stringify(result), createdAt: now }).run();
    return result;
  });
}
