import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildEmbed } from '@/scripts/build-embed.mjs';

const LIMIT = 15 * 1024;

describe('/embed.js as built', () => {
  it(`is at most ${LIMIT / 1024} KB gzipped, with the anchoring of lib/anchor.ts inside`, async () => {
    const code = Buffer.from(await buildEmbed({ write: false }));
    const gzipped = gzipSync(code, { level: 9 }).length;
    expect(gzipped).toBeLessThanOrEqual(LIMIT);
    // lib/anchor.ts's thresholds and Hypothesis-style weights travel with it (0.75, 0.9, 92).
    expect(code.toString()).toMatch(/\.75\b/);
    expect(code.toString()).toContain('/92');
  }, 60_000);

  it('reads and sets no cookie, runs no string as code, and parses no HTML', async () => {
    const code = Buffer.from(await buildEmbed({ write: false })).toString();
    for (const forbidden of ['cookie', 'eval(', 'new Function', 'innerHTML', 'outerHTML', 'insertAdjacentHTML', 'localStorage']) {
      expect(code, forbidden).not.toContain(forbidden);
    }
    expect(code).toContain('credentials:"omit"');
    // Revalidated on every load: the API's stale-while-revalidate is for shared caches, not the publisher's readers.
    expect(code).toContain('cache:"no-cache"');
  }, 60_000);
});
