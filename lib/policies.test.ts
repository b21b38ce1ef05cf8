import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';
import { DEFAULT_POLICY_TEXT, POLICY_PAGES, policyPath } from './policies';

describe('default policy texts', () => {
  it.each(POLICY_PAGES)('%s links only to pages that exist', (page) => {
    const hrefs = [...renderMarkdown(DEFAULT_POLICY_TEXT[page]).matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    const known = new Set([...POLICY_PAGES.map(policyPath), '/corrections', '/stats']);
    for (const href of hrefs) expect(known).toContain(href);
  });
});
