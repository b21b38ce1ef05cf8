import { z } from 'zod';

/** A positive integer id as a URL segment. */
export const idSegment = z.string().regex(/^[1-9][0-9]{0,15}$/).transform(Number).pipe(z.number().int().safe());

/** A positive integer id from a URL segment, or null when the segment is anything else. */
export function parseId(raw: string): number | null {
  const parsed = idSegment.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** A page's dynamic segment as it was typed: Next gives pages the segment percent-encoded (route handlers get it decoded). */
export function decodedSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Field errors by parameter name, prototype-free so a parameter called `__proto__` is a key like any other. */
export type ParamErrors = Record<string, string>;

export const paramErrors = (): ParamErrors => Object.create(null) as ParamErrors;

export type ParamsResult<T> = { ok: true; data: T } | { ok: false; errors: ParamErrors };

/**
 * Reads a query string into `schema`'s fields. A name counts only as the
 * schema's own field (Object.hasOwn), so `toString`, `constructor` or
 * `__proto__` are unknown names, never inherited ones. Empty values count as
 * absent (a plain GET form sends every field). With `strict`, an unknown name
 * is an error (the API); otherwise it is ignored (pages: tracking parameters).
 * Fields named in `lists` may repeat and hold comma-separated values.
 */
export function parseSearchParams<T extends z.ZodObject>(
  params: URLSearchParams,
  schema: T,
  { strict, lists = [] }: { strict: boolean; lists?: readonly string[] },
): ParamsResult<z.output<T>> {
  const errors = paramErrors();
  const raw = new Map<string, string | string[]>();
  for (const key of new Set(params.keys())) {
    if (!Object.hasOwn(schema.shape, key)) {
      if (strict) errors[key] = 'Unknown parameter.';
      continue;
    }
    const values = params.getAll(key).filter((v) => v.trim() !== '');
    if (values.length === 0) continue;
    if (lists.includes(key)) raw.set(key, values.flatMap((v) => v.split(',')));
    else if (values.length > 1) errors[key] = 'Give this parameter once.';
    else raw.set(key, values[0]!);
  }
  const parsed = schema.safeParse(Object.fromEntries(raw));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'query');
      errors[key] ??= issue.message;
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, data: parsed.data };
}
