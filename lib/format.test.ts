import { describe, expect, it } from 'vitest';
import { inRfc3339Range, isoDate, isoDateOrNull, plural } from './format';

// JSON Schema's date-time, Atom and schema.org take RFC 3339, whose years have four digits.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('machine-readable dates', () => {
  it('write ordinary times as toISOString does', () => {
    const d = new Date(Date.UTC(2026, 10, 30, 5, 1, 2, 345));
    expect(isoDate(d)).toBe('2026-11-30T05:01:02.345Z');
    expect(isoDate(d.getTime())).toBe('2026-11-30T05:01:02.345Z');
    expect(isoDateOrNull(d)).toBe('2026-11-30T05:01:02.345Z');
  });

  it('give null for an entered or imported time beyond four-digit years, instead of +099999 or -000050', () => {
    for (const raw of ['+099999-01-01T00:00:00Z', '+010000-01-01T00:00:00Z', '-000001-12-31T23:59:59Z', '+275760-09-13T00:00:00Z']) {
      const d = new Date(raw);
      expect(inRfc3339Range(d), raw).toBe(false);
      expect(isoDateOrNull(d), raw).toBeNull();
    }
    expect(isoDateOrNull(new Date(Number.NaN))).toBeNull();
    expect(isoDateOrNull(null)).toBeNull();
    expect(isoDateOrNull(undefined)).toBeNull();
  });

  it('keep the first and last instants RFC 3339 can write', () => {
    expect(isoDateOrNull(new Date('0000-01-01T00:00:00.000Z'))).toBe('0000-01-01T00:00:00.000Z');
    expect(isoDateOrNull(new Date('9999-12-31T23:59:59.999Z'))).toBe('9999-12-31T23:59:59.999Z');
  });

  it('hold a recorded time that is out of range (or not a time) at the nearest end, never throwing', () => {
    expect(isoDate(new Date('+099999-01-01T00:00:00Z'))).toBe('9999-12-31T23:59:59.999Z');
    expect(isoDate(new Date('-001000-01-01T00:00:00Z'))).toBe('0000-01-01T00:00:00.000Z');
    expect(isoDate(new Date(Number.NaN))).toMatch(RFC3339);
    expect(isoDate(9e15)).toMatch(RFC3339);
  });
});

describe('plural', () => {
  it('counts with the singular for one and groups thousands', () => {
    expect(plural(1, 'claim')).toBe('1 claim');
    expect(plural(0, 'claim')).toBe('0 claims');
    expect(plural(12_400, 'paragraph')).toBe('12,400 paragraphs');
    expect(plural(2, 'reply', 'replies')).toBe('2 replies');
  });
});
