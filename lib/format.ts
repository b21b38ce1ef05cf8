/** Dates as readers see them: day, short month and year, in UTC so every server prints the same. */
const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

export function formatDate(date: Date | number | null | undefined): string {
  if (date === null || date === undefined) return '';
  return dateFormat.format(typeof date === 'number' ? new Date(date) : date);
}

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

/** A moment for the workspace (jobs, checks): the date with hours and minutes, in UTC. */
export function formatDateTime(date: Date | number): string {
  return dateTimeFormat.format(typeof date === 'number' ? new Date(date) : date);
}

// RFC 3339 (and so JSON Schema's date-time, Atom and schema.org) has four-digit years only; beyond
// them toISOString() writes "+099999-…" (or throws past year 275760), which strict parsers refuse.
const EARLIEST = Date.parse('0000-01-01T00:00:00.000Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

/** True for a time RFC 3339 can write (years 0000 to 9999). */
export function inRfc3339Range(date: Date | number): boolean {
  const ms = typeof date === 'number' ? date : date.getTime();
  return ms >= EARLIEST && ms <= LATEST;
}

/**
 * RFC 3339 date-time in UTC, for <time dateTime> and machine formats, for times the server
 * itself records (creation, updates, history): one out of range is held at the nearest end.
 */
export function isoDate(date: Date | number): string {
  const ms = typeof date === 'number' ? date : date.getTime();
  return new Date(Number.isNaN(ms) ? EARLIEST : Math.min(Math.max(ms, EARLIEST), LATEST)).toISOString();
}

/** RFC 3339 date-time of a time people entered or imported, or null when absent or out of range. */
export function isoDateOrNull(date: Date | number | null | undefined): string | null {
  return date !== null && date !== undefined && inRfc3339Range(date) ? isoDate(date) : null;
}

/** "1 claim", "2 claims", "12,400 claims". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}
