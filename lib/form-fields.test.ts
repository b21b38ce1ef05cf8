import { describe, expect, it } from 'vitest';
import { dayValue, httpUrl, optionalDay, optionalHttpUrl } from './form-fields';

describe('form fields', () => {
  it.each(['https://stats.example.org/a?b=1', 'http://example.com', ' https://example.com/path#x '])('accepts the web address %s', (url) => {
    expect(httpUrl.safeParse(url).success).toBe(true);
  });

  it.each(['', 'example.com', 'javascript:alert(1)', 'ftp://example.com/file', 'data:text/html,hi', 'https://', 'file:///etc/passwd'])(
    'refuses %j as a web address',
    (url) => {
      expect(httpUrl.safeParse(url).success).toBe(false);
    },
  );

  it('turns empty optional fields into null', () => {
    expect(optionalHttpUrl.parse('')).toBeNull();
    expect(optionalDay.parse('')).toBeNull();
  });

  it('reads a day as UTC midnight and writes it back the same', () => {
    const date = optionalDay.parse('2026-02-28');
    expect(date).toEqual(new Date('2026-02-28T00:00:00Z'));
    expect(dayValue(date)).toBe('2026-02-28');
    expect(optionalDay.safeParse('2026-02-30').success).toBe(false);
    expect(optionalDay.safeParse('28/02/2026').success).toBe(false);
  });
});
