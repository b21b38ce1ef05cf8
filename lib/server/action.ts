import 'server-only';
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { Role } from '@/db/queries/users';
import { AppError, ERROR_CODES, type ErrorCode } from '@/lib/errors';
import { submittedValues } from '@/lib/form-values';
import { safeText } from '@/lib/text';
import { timed, timedAsync } from '@/lib/timing';
import { abandonWrites, withWriteLog } from '@/db/queries/invalidations';
import { invalidate } from './cache';
import { purgeWritten } from './purge';
import { authorize, type SessionUser } from './session';

export type ActionState<T = undefined> =
  | { ok: true; message?: string; data?: T }
  | {
      ok: false;
      code: ErrorCode;
      message: string;
      fieldErrors: Record<string, string[]>;
      /** Extra data for the form, e.g. the other editor's version on a conflict. */
      detail?: unknown;
      /** What was submitted (passwords excepted), so the form shows the person's input again. */
      values?: Record<string, string>;
    };

export const initialState = { ok: true } as ActionState<never>;

type Options<S extends z.ZodType, R> = {
  role: Role;
  schema: S;
  run: (input: z.infer<S>, user: SessionUser) => R | Promise<R>;
  /** Cache tags of every reader page the change touches. */
  tags?: (result: R, input: z.infer<S>) => string[];
  /** Where to go after success (e.g. the page of what was created); null stays on the page with `data`. */
  redirectTo?: (result: R, input: z.infer<S>) => string | null;
  /** The success message, or one that depends on what the write did. */
  message?: string | ((result: R) => string);
  data?: (result: R) => unknown;
  /**
   * Re-render the page the form is on in the same round trip (e.g. to show the
   * row just added). Off by default: a form that disappears on re-render (a
   * review item once handled) would lose its success message. With `redirectTo`,
   * the destination's layouts shared with this page are drawn fresh from the
   * redirect's answer; without it, Next keeps their old render.
   */
  refresh?: boolean;
  /** File inputs the schema reads as `{ name, size, text }` (absent when no file was chosen). */
  files?: string[];
};

/**
 * Form fields as an object; repeated names become arrays; every text is made safe (safeText), with
 * `\n` line ends, before any schema sees it. Browsers post a textarea's line breaks as CRLF, and
 * stored text has `\n` (an excerpt of two lines was otherwise not found as written in its source).
 */
export function formToObject(form: FormData): Record<string, unknown> {
  // No prototype: a posted field named __proto__ stays an ordinary (and ignored) key.
  const out: Record<string, unknown> = Object.create(null);
  for (const [key, value] of form.entries()) {
    if (key.startsWith('$ACTION')) continue;
    const v = safeText(typeof value === 'string' ? value : value.name).replace(/\r\n?/g, '\n');
    out[key] = Object.hasOwn(out, key) ? ([] as unknown[]).concat(out[key], v) : v;
  }
  return out;
}

/**
 * The one wrapper every server action goes through, in this order: checks the
 * session and role, parses the form with the action's zod schema, runs the
 * query, invalidates the cache tags it touched (here and in shared caches), and returns an ActionState the
 * form reads with useActionState. Errors become field messages; database
 * details are logged, never shown.
 */
export function action<S extends z.ZodType, R>(options: Options<S, R>) {
  // The writes run() makes stay pending in the invalidation log until their tags are known.
  return (_previous: unknown, form: FormData): Promise<ActionState<unknown>> => withWriteLog(() => runAction(_previous, form));

  async function runAction(_previous: unknown, form: FormData): Promise<ActionState<unknown>> {
    let destination: string | null = null;
    try {
      const user = await timedAsync('action.authorize', () => authorize(options.role));
      const fields = formToObject(form);
      for (const name of options.files ?? []) fields[name] = await fileField(form.get(name));
      const parsed = options.schema.safeParse(fields);
      if (!parsed.success) {
        return invalidInput(parsed.error, form);
      }
      const result = await timedAsync('action.run', async () => options.run(parsed.data, user));
      const touched = options.tags?.(result, parsed.data) ?? [];
      const logged = timed('action.invalidate', () => invalidate(touched));
      // Before the editor's answer: the next reader request through a shared cache sees the change.
      await timedAsync('action.purge', () => purgeWritten(touched, logged));
      if (options.refresh) refresh();
      destination = options.redirectTo?.(result, parsed.data) ?? null;
      if (destination === null) {
        const message = typeof options.message === 'function' ? options.message(result) : options.message;
        return { ok: true, message, data: options.data?.(result) };
      }
    } catch (error) {
      // A write that committed before the failure: its tags are unknown, so it touched everything.
      abandonWrites();
      return failure(error, form);
    }
    redirect(destination);
  }
}

/** A posted file as text; its contents stay as sent (the schema decides what it accepts). */
async function fileField(value: FormDataEntryValue | null) {
  if (!(value instanceof File) || value.size === 0) return undefined;
  return { name: safeText(value.name), size: value.size, text: await value.text() };
}

/** A zod error as field messages beside the inputs. */
export function invalidInput(error: z.ZodError, form: FormData): ActionFailure {
  const fieldErrors = z.flattenError(error).fieldErrors as Record<string, string[]>;
  return failure(new AppError('invalid', { fieldErrors }), form);
}

export type ActionFailure = Extract<ActionState, { ok: false }>;

/** An error as the form's failure state; `form` puts the submitted input back on screen. */
export function failure(error: unknown, form?: FormData): ActionFailure {
  const values = form ? submittedValues(form) : undefined;
  if (error instanceof AppError) {
    return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors, detail: error.detail, values };
  }
  console.error(error);
  return { ok: false, code: 'unavailable', message: ERROR_CODES.unavailable.message, fieldErrors: {}, values };
}
