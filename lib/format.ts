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

/** ISO 8601 date-time, for <time dateTime> and machine formats. */
export function isoDate(date: Date | number): string {
  return (typeof date === 'number' ? new Date(date) : date).toISOString();
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
