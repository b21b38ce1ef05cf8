import { z } from 'zod';

/**
 * Numbered pages of a reader list (a party's claims, the home page's articles): `?page=N`,
 * plain links that work without JavaScript. Every page has one address: page 1 has no
 * parameter, and anything else a reader or crawler sends is sent on to the page it meant.
 */

// Digits only, as typed in an address: no sign, no exponent, no spaces, no other scripts' digits.
// A bound far past any list, so the number stays exact and the offset an ordinary integer.
const MAX_PAGE = 1_000_000;
export const pageParamSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,6}$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(MAX_PAGE));

export type PageRequest = { page: number } | { invalid: true };

/** The page asked for in a query parameter (absent: the first). A repeated parameter counts as invalid. */
export function parsePageParam(raw: string | string[] | undefined): PageRequest {
  if (raw === undefined) return { page: 1 };
  const parsed = pageParamSchema.safeParse(raw);
  return parsed.success ? { page: parsed.data } : { invalid: true };
}

export type PageWindow = {
  page: number;
  /** How many pages there are; at least 1, so an empty list has a page that says so. */
  pages: number;
  total: number;
  size: number;
  offset: number;
  /** 1-based positions of the first and last item shown (0 and 0 when empty). */
  first: number;
  last: number;
};

export const pageCount = (total: number, size: number) => Math.max(1, Math.ceil(total / size));

/** The slice of a list of `total` items that page `page` shows, `size` to a page. */
export function pageWindow(page: number, total: number, size: number): PageWindow {
  const pages = pageCount(total, size);
  const p = Math.min(Math.max(1, page), pages);
  const offset = (p - 1) * size;
  return { page: p, pages, total, size, offset, first: total ? offset + 1 : 0, last: Math.min(total, offset + size) };
}

/**
 * The page a request for `raw` shows of a list of `total` items, and whether its address must
 * change first: an invalid value goes to the first page, one past the end to the last, and
 * `?page=1` to the address without it (one address per page, one copy in the page cache).
 */
export function resolvePage(raw: string | string[] | undefined, total: number, size: number): PageWindow & { redirect: boolean } {
  const asked = parsePageParam(raw);
  const pages = pageCount(total, size);
  const redirect = 'invalid' in asked || asked.page > pages || (raw !== undefined && asked.page === 1);
  return { ...pageWindow('page' in asked ? asked.page : 1, total, size), redirect };
}

/** The address of page `page` of a list at `path`, keeping the other parameters (page 1 without `param`). */
export function pageHref(path: string, params: Record<string, string | number | undefined>, param: string, page: number): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (key !== param && value !== undefined && value !== '') query.set(key, String(value));
  }
  if (page > 1) query.set(param, String(page));
  const s = query.toString();
  return s ? `${path}?${s}` : path;
}
