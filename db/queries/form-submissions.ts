import 'server-only';
import { createHash } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import { getDb, immediate } from '@/db';
import { formSubmissions } from '@/db/schema';
import { AppError } from '@/lib/errors';

/** How long a key is remembered: far longer than any resubmit of one form, short enough that the table stays small. */
export const FORM_KEY_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

/** Shown when a key comes back with other words than it was saved with: nothing of the second submit is saved. */
export const CHANGED_SINCE_SAVED = 'This form was already saved once; the changes since were not saved. Reload the page to see what was saved, then edit it there.';

/** `sent`: what the form sent, parsed (without its key), the claim or article id included. */
type Once = { key: string | undefined; form: string; actorId: string; sent: unknown };

/** What the form sent, as one hash (the parsed input has a fixed field order; dates become ISO strings). */
const hashOf = (sent: unknown) => createHash('sha256').update(JSON.stringify(sent) ?? '').digest('hex');

/**
 * The result the create form with this key already had, or undefined when nothing was saved with it yet.
 * The same key with other words (a typo fixed after "Not confirmed", another claim) is refused:
 * answering it with the first save would drop the change without a word.
 */
export function firstResult<T>({ key, form, actorId, sent }: Once): T | undefined {
  if (!key) return undefined;
  // A plain read: inside once() it runs in the write transaction, on the same connection.
  const seen = getDb().select().from(formSubmissions).where(eq(formSubmissions.key, key)).get();
  if (!seen) return undefined;
  // A key is made for one form and one editor; another's is no proof of anything (and never theirs to replay).
  if (seen.form !== form || seen.actorId !== actorId) throw new AppError('invalid', { message: 'This form is out of date: reload the page and fill it in again.' });
  // A row from before hashes were stored (null) is taken as the same submit, as it was then.
  if (seen.inputHash !== null && seen.inputHash !== hashOf(sent)) throw new AppError('invalid', { message: CHANGED_SINCE_SAVED });
  return JSON.parse(seen.result) as T;
}

/** Whether a form was already saved with this key (a page kept by the browser after its save still holds it). */
export function keyUsed({ key }: { key: string }): boolean {
  return getDb().select({ key: formSubmissions.key }).from(formSubmissions).where(eq(formSubmissions.key, key)).get() !== undefined;
}

/**
 * Runs a create form's write once per form key (`work` writes in its own write(), nested here as a
 * savepoint of the same BEGIN IMMEDIATE transaction): the key is stored with the result in that
 * transaction, so a form sent twice (its first answer lost on the way back) gets the first result
 * instead of a second row, also when both arrive at once (the second waits for the write lock,
 * then finds the key). A failed write stores nothing: the same key may try again. The result
 * comes back through JSON (dates as strings), and is kept for a week: `work` returns only the ids
 * its caller's answer needs (redirect, cache tags), never what was typed. The same key sent with
 * other input is refused (firstResult). Without a key (a form from before keys, a script) it simply writes.
 */
export function once<T>(submission: Once, work: () => T): T {
  const { key, form, actorId, sent } = submission;
  if (!key) return work();
  return immediate((tx) => {
    const seen = firstResult<T>(submission);
    if (seen !== undefined) return seen;
    const result = work();
    const now = new Date();
    tx.delete(formSubmissions).where(lt(formSubmissions.createdAt, new Date(now.getTime() - FORM_KEY_KEPT_MS))).run();
    tx.insert(formSubmissions).values({ key, form, actorId, result: JSON.stringify(result), inputHash: hashOf(sent), createdAt: now }).run();
    return result;
  });
}
