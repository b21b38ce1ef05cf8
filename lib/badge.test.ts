import { describe, expect, it } from 'vitest';
import { statusBadgeSvg } from './badge';
import { STATUSES } from './status';

describe('status badge', () => {
  it('names the status in words for every status', () => {
    for (const s of STATUSES) {
      const svg = statusBadgeSvg(s);
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(svg).toContain('role="img"');
    }
    expect(statusBadgeSvg('partly_true')).toContain('<title>claim: Partly true</title>');
  });

  it('escapes its label', () => {
    expect(statusBadgeSvg('false', '<b>&')).toContain('&lt;b&gt;&amp;');
  });
});
