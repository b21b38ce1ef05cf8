import { locateLive, type LiveMatch } from '@/lib/anchor-live';
import type { Anchor } from '@/lib/anchor';
import { readPageText, rangeOf } from './page-text';

export type Placed<T> = { claim: T; ranges: Range[]; how: LiveMatch['how'] };

/**
 * Each claim's quote in the page under `root` as DOM ranges (several when the passage runs
 * across an inserted element); the claims whose quote is not on the page apart. The page is
 * only read: nothing in it changes.
 */
export function anchorClaims<T extends { quote: Anchor }>(root: Node, claims: readonly T[], textLength: number) {
  const page = readPageText(root);
  const placed: Placed<T>[] = [];
  const missing: T[] = [];
  for (const claim of claims) {
    const match = locateLive(page, { ...claim.quote, textLength });
    if (match) placed.push({ claim, ranges: match.parts.map(([start, end]) => rangeOf(page, start, end)), how: match.how });
    else missing.push(claim);
  }
  return { placed, missing };
}
