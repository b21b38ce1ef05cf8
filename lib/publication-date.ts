/**
 * The range of publication dates Claimline takes, from a form or a page's metadata.
 * Outside it a date is a typo or junk (a page claiming 99999-01-01), and beyond four-digit
 * years no machine format (RFC 3339, Atom, schema.org) could even carry it.
 */
export const EARLIEST_PUBLICATION = '1800-01-01';
// Slack past now: a page dated in a time zone ahead of UTC, or scheduled minutes ahead.
const SLACK_MS = 2 * 86_400_000;

export const PUBLICATION_RANGE_MESSAGE = 'Enter a publication date between 1 Jan 1800 and today.';

/** True when `date` can be an article's publication date at `now`. */
export function isPublicationDate(date: Date, now = Date.now()): boolean {
  const ms = date.getTime();
  return ms >= Date.parse(`${EARLIEST_PUBLICATION}T00:00:00Z`) && ms <= now + SLACK_MS;
}

/**
 * A publication date found in imported metadata (article:published_time, a <time>): null when
 * there is none or it is not a date at all, else the date, or an error message when it is out of range.
 */
export function importedPublicationDate(raw: string, now = Date.now()): { date: Date | null } | { error: string } {
  const date = raw.trim() ? new Date(raw.trim()) : null;
  if (!date || Number.isNaN(date.getTime())) return { date: null };
  if (isPublicationDate(date, now)) return { date };
  const shown = raw.trim().slice(0, 40);
  return { error: `The page gives its publication date as “${shown}”, which cannot be right. ${PUBLICATION_RANGE_MESSAGE}` };
}
