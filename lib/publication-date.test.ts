import { describe, expect, it } from 'vitest';
import { importedPublicationDate, isPublicationDate } from './publication-date';

const NOW = Date.parse('2026-11-30T05:00:00Z');
const found = (raw: string) => importedPublicationDate(raw, NOW);

describe('publication dates found in imported pages', () => {
  it.each([
    ['2026-10-02T08:00:00Z', '2026-10-02T08:00:00.000Z'],
    ['2026-10-02T10:00:00+02:00', '2026-10-02T08:00:00.000Z'],
    ['2026-10-02', '2026-10-02T00:00:00.000Z'],
    [' 1800-01-01 ', '1800-01-01T00:00:00.000Z'],
    ['2026-12-01T12:00:00+14:00', '2026-11-30T22:00:00.000Z'],
  ])('keeps %s', (raw, iso) => {
    const result = found(raw);
    expect('date' in result && result.date?.toISOString()).toBe(iso);
  });

  it.each(['', '   ', 'yesterday', 'Published: soon', '2026-13-45'])('takes %j for no date at all', (raw) => {
    expect(found(raw)).toEqual({ date: null });
  });

  it.each(['99999-01-01', '+099999-01-01T00:00:00Z', '0001-01-01', '1799-12-31', '2027-06-01', '-000050-06-01T00:00:00Z'])(
    'refuses %s with a message that shows it',
    (raw) => {
      const result = found(raw);
      expect(result).toEqual({ error: expect.stringContaining(`“${raw}”`) });
      expect('error' in result && result.error).toContain('between 1 Jan 1800 and today');
    },
  );

  it('allows two days of slack ahead of now (time zones ahead of UTC), not more', () => {
    expect(isPublicationDate(new Date(NOW + 47 * 3_600_000), NOW)).toBe(true);
    expect(isPublicationDate(new Date(NOW + 49 * 3_600_000), NOW)).toBe(false);
  });
});
