import type { Anchor } from '@/lib/anchor';
import { anchorClaims } from './anchor-page';
import { chip, highlightCss, type OverlayClaim } from './chip';

/** What /api/v1/page-claims answers (pageClaimsSchema), as far as the overlay reads it. */
export type PageClaims = { checkedBy: string; textLength: number; claims: (OverlayClaim & { quote: Anchor })[] };

const highlightsSupported = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

/**
 * Highlights each claim's passage under `root` and places its status chip after it; reports
 * the claims whose quote is not on the page in one console group. The page's own text is
 * untouched: the highlight is a CSS custom highlight (no element wraps the words) and each
 * chip is an element whose content lives in its shadow root.
 */
export function showClaims(root: Element, data: PageClaims) {
  const { placed, missing } = anchorClaims(root, data.claims, data.textLength);
  const highlights = highlightsSupported();
  if (highlights && placed.length) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(highlightCss());
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  // Ranges first, chips after: inserting a chip splits a text node, and live ranges follow the split.
  placed.forEach(({ claim, ranges }, index) => {
    if (highlights) {
      const name = `claimline-${claim.status}`;
      const highlight = CSS.highlights.get(name) ?? new Highlight();
      for (const range of ranges) highlight.add(range);
      CSS.highlights.set(name, highlight);
    }
    const at = ranges[ranges.length - 1]!.cloneRange();
    at.collapse(false);
    // Never inside a link or another control: a click on the chip would follow it.
    const end = at.endContainer.nodeType === 1 ? (at.endContainer as Element) : at.endContainer.parentElement;
    const control = end?.closest('a, button, label, summary');
    if (control && root.contains(control)) at.setStartAfter(control);
    at.insertNode(chip(claim, data.checkedBy, index));
  });
  if (missing.length) {
    console.group(`Claimline: ${missing.length} of ${data.claims.length} claims not found on this page`);
    for (const claim of missing) console.info(`${claim.statusLabel}: ${claim.statement} (${claim.url})\nquote: ${claim.quote.exact}`);
    console.groupEnd();
  }
  return { placed, missing };
}
