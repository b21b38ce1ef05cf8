import { z } from 'zod';
import { overLimit, type TextLimit } from './limits';
import { hasVisibleText } from './text';
import { PARTY_KINDS } from './vocabulary';

/** zod pieces for form fields shared by several editor forms (every form value arrives as a string). */

/** What an address field says when its value is not an http(s) address (the safe fetcher says the same). */
export const URL_MESSAGE = 'Enter a web address starting with http:// or https://.';

/** The longest web address a form takes (browsers and archives cope with about this much). */
export const ADDRESS_MAX = 2000;

/**
 * Why an address is refused as too long, with what to do: such addresses are nearly always a
 * search engine's or a newsletter's link (a redirect carrying the page's address, tracking
 * after the "?"), not the page's own.
 */
export function addressTooLong(address: string): string {
  const query = /[?#]/.test(address);
  return `This address is ${address.length.toLocaleString('en')} characters long; the limit is ${ADDRESS_MAX.toLocaleString('en')}. ${
    query
      ? 'Links copied from a search result or an e-mail carry tracking after the “?”: open the link and copy the page’s own address, or remove that part.'
      : 'Open the page and copy its own, shorter address.'
  }`;
}

/** An address's length check with that message; pipe the address's own checks after it. */
// zod runs the check on anything with a `length`, a posted object included: only text gets this message.
export const addressLength = z.string().max(ADDRESS_MAX, { error: (issue) => (typeof issue.input === 'string' ? addressTooLong(issue.input) : undefined) });

/**
 * An address Claimline fetches from (an article or a feed to import): http or https, IP literals
 * and local names included, since lib/server/safe-fetch.ts refuses a private one with a message
 * that says so, where this one could only say the address does not start with http(s).
 */
export const fetchUrl = z
  .string()
  .trim()
  .min(1, URL_MESSAGE)
  .pipe(addressLength)
  .pipe(z.url({ protocol: /^https?$/, message: URL_MESSAGE }));

/** A web address readers are sent to: http or https only (no javascript:, data:, file: links on public pages), on a domain name. */
export const httpUrl = fetchUrl
  // Also run after z.url refused the address: then it names no host, and says nothing more.
  .refine((address) => !URL.canParse(address) || isDomainName(new URL(address).hostname), URL_MESSAGE);

// One label of a host name as URL gives it: ASCII, a name in another script as its punycode (xn--…).
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/**
 * A host name with a dot, not an IP address: zod's domain pattern is ASCII only, so a source at
 * https://bürgerbüro.example or https://пример.рф was refused as "not starting with https://".
 */
function isDomainName(hostname: string): boolean {
  const labels = hostname.split('.');
  return labels.length > 1 && labels.every((label) => LABEL.test(label)) && !/^\d+$/.test(labels.at(-1)!);
}

/** An optional web address: empty becomes null. */
export const optionalHttpUrl = z
  .string()
  .trim()
  .transform((v) => v || null)
  // Not a union with '': a union that fails says only "Invalid input", never which check failed.
  .pipe(httpUrl.nullable());

/**
 * An optional text field checked by `schema` when filled in: empty stays ''. Not a union with '',
 * which when it fails says only "Invalid input", never which check failed.
 */
export const emptyOr = (schema: z.ZodType<unknown, string>) =>
  z
    .string()
    .trim()
    .default('')
    .superRefine((value, ctx) => {
      if (!value) return;
      for (const issue of schema.safeParse(value).error?.issues ?? []) ctx.addIssue({ code: 'custom', message: issue.message });
    });

/** A day from `<input type="date">` (YYYY-MM-DD, taken as UTC midnight); empty becomes null. */
export const optionalDay = z
  .string()
  .trim()
  .regex(/^$|^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD.')
  .transform((v, ctx) => {
    if (!v) return null;
    const date = new Date(`${v}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== v) {
      ctx.addIssue({ code: 'custom', message: 'Enter a real date.' });
      return z.NEVER;
    }
    return date;
  });

/**
 * A create form's one-time key (db/queries/form-submissions.ts), made when the form is drawn:
 * the same form sent twice saves once. Empty or absent on a form drawn before keys existed.
 */
export const formKey = z
  .union([z.literal('').transform(() => undefined), z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'This form is out of date: reload the page and fill it in again.')])
  .optional();

/** A new one-time key for a create form (formKey). */
export const newFormKey = (): string => crypto.randomUUID();

/** A row id from a hidden field. */
export const formId = z.coerce.number().int().positive();

/** The version an edit form was rendered with (compare-and-set); empty on a form that creates a row. */
export const formVersion = z.union([z.literal('').transform(() => undefined), formId]).optional();

/** For a form that edits a row when `id` is set: the row's version must come with it. */
export function versionWithId<T extends { version?: number }>(id: (value: T) => unknown) {
  return (value: T, ctx: z.RefinementCtx) => {
    if (id(value) !== undefined && value.version === undefined) {
      ctx.addIssue({ code: 'custom', path: ['version'], message: 'This form is out of date: reload the page and edit again.' });
    }
  };
}

/**
 * A text readers see that must be there (a statement, a name, a title, a note for readers): trimmed,
 * with a visible character (a zero-width space or a direction mark alone is empty), at most `max`.
 */
export const requiredText = (max: number, message: string) =>
  z.string().trim().refine(hasVisibleText, message).max(max, `At most ${max.toLocaleString('en')} characters.`);

/** Free text up to `max` characters, trimmed; empty allowed, and so is a text with nothing visible in it (it becomes ''). */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .transform((text) => (hasVisibleText(text) ? text : ''))
    .default('');

/**
 * "Or a new party" and the kind it is made with (components/forms/new-party-fields.tsx), in the claim
 * forms and the response form: a name already taken is that party (db/queries/parties partyNamed), kind aside.
 */
export const newPartyFields = {
  newPartyName: optionalText(200),
  newPartyKind: z.enum(PARTY_KINDS, 'Choose a kind.').default('organization'),
};

/** The value of a date input for a stored date (UTC day), or ''. */
export function dayValue(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 10) : '';
}

/**
 * A required large text (an article's text or HTML): trimmed, with a visible character (blank
 * lines around a zero-width space are empty too), and within `limit` in characters and UTF-8
 * bytes, with the message the form's own size check shows too.
 */
export const limitedText = (limit: TextLimit, required: string) =>
  z
    .string()
    .trim()
    .refine(hasVisibleText, required)
    .superRefine((value, ctx) => {
      const message = overLimit(value, limit);
      if (message) ctx.addIssue({ code: 'custom', message });
    });
