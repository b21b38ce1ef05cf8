import { describe, expect, it } from 'vitest';
import { NOT_CHECKABLE_STATUSES, RATING_SCALE, STATUSES, STATUS_INFO, isStatus, statusCss, statusTally } from './status';

describe('status vocabulary', () => {
  it('gives every status a label, icon, description and colours', () => {
    for (const s of STATUSES) {
      const info = STATUS_INFO[s];
      expect(info.label.length).toBeGreaterThan(0);
      expect(info.icon.length).toBeGreaterThan(0);
      expect(info.description.length).toBeGreaterThan(10);
      expect(Object.values(info.colour).every((c) => /^#[0-9a-f]{6}$/.test(c))).toBe(true);
    }
    expect(new Set(STATUSES.map((s) => STATUS_INFO[s].icon)).size).toBe(STATUSES.length);
  });

  it('rates only verdicts, within the scale', () => {
    expect(STATUS_INFO.unverified.rating).toBeNull();
    expect(STATUS_INFO.disputed.rating).toBeNull();
    for (const s of STATUSES) {
      const r = STATUS_INFO[s].rating;
      if (r) {
        expect(r.value).toBeGreaterThanOrEqual(RATING_SCALE.worst);
        expect(r.value).toBeLessThanOrEqual(RATING_SCALE.best);
      }
    }
    expect(STATUS_INFO.confirmed.rating!.value).toBeGreaterThan(STATUS_INFO.partly_true.rating!.value);
    expect(STATUS_INFO.partly_true.rating!.value).toBeGreaterThan(STATUS_INFO.false.rating!.value);
  });

  it('recognises statuses and emits a CSS class per status', () => {
    expect(isStatus('disputed')).toBe(true);
    expect(isStatus('maybe')).toBe(false);
    for (const s of STATUSES) expect(statusCss()).toContain(`.status-${s}{`);
  });

  it('never rates an opinion, a prediction or another claim that cannot be checked', () => {
    expect(NOT_CHECKABLE_STATUSES).toEqual(['opinion', 'prediction', 'not_checkable']);
    for (const s of NOT_CHECKABLE_STATUSES) {
      expect(STATUS_INFO[s].rating).toBeNull();
      expect(STATUS_INFO[s].checkable).toBe(false);
    }
  });

  it('tallies verdicts apart from claims that cannot be checked', () => {
    const tally = statusTally({ false: 2, opinion: 3, confirmed: 1, prediction: 1, unverified: 0 });
    expect(tally.checkable).toEqual([
      { status: 'confirmed', count: 1 },
      { status: 'false', count: 2 },
    ]);
    expect(tally.notCheckable).toBe(4);
    expect(statusTally({})).toEqual({ checkable: [], notCheckable: 0 });
  });
});
