import type { Anchor } from '@/lib/anchor';
import { anchorClaims } from './anchor-page';
import { chip, highlightCss, type OverlayClaim } from './chip';

/** What /api/v1/page-claims answers (pageClaimsSchema), as far as the overlay reads it. */
export type PageClaims = { checkedBy: string; textLength: number; claims: (OverlayClaim & { quote: Anchor })[] };
type PageClaim = PageClaims['claims'][number];
type Shown = { claim: PageClaim; ranges: Range[]; chip: HTMLElement };

const highlightsSupported = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
const highlightName = (claim: PageClaim) => `claimline-${claim.status}`;

/** How long after the page changed a pass runs, at first and at most (each pass that places nothing doubles it). */
const SETTLE_MS = 300;
const MAX_SETTLE_MS = 10_000;
/** How often a claim is put back after the page took its passage away, before the overlay gives up on it. */
const MAX_RETURNS = 5;

/**
 * Keeps each claim's passage under `root` highlighted with its status chip after it, as the
 * page changes: passages the page shows later (a body loaded by script, infinite scroll) are
 * found when they appear, and a passage the page renders again (its chip gone with the old
 * element) is marked again, up to MAX_RETURNS times, so that the overlay never fights a page
 * that keeps removing its chips. The overlay's own insertions are not observed. After a pass
 * that places nothing the next waits longer, so a page that changes all the time costs at
 * most one pass every MAX_SETTLE_MS. The page's own text is never changed.
 */
export function watchClaims(root: Element, data: PageClaims) {
  const highlights = highlightsSupported();
  const numbers = new Map<number, number>();
  const returns = new Map<number, number>();
  let shown: Shown[] = [];
  let waiting: PageClaim[] = [...data.claims];
  let settle = SETTLE_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let passes = 0;

  const pass = () => {
    passes++;
    observer.disconnect();
    const kept: Shown[] = [];
    for (const s of shown) {
      if (s.chip.isConnected && s.ranges.every((r) => !r.collapsed && r.startContainer.isConnected && r.endContainer.isConnected)) {
        kept.push(s);
        continue;
      }
      unshow(s, highlights);
      const count = (returns.get(s.claim.id) ?? 0) + 1;
      returns.set(s.claim.id, count);
      if (count <= MAX_RETURNS) waiting.push(s.claim);
    }
    const { placed, missing } = place(root, data, waiting, numbers, highlights);
    shown = [...kept, ...placed];
    waiting = missing;
    settle = placed.length ? SETTLE_MS : Math.min(settle * 2, MAX_SETTLE_MS);
    observer.takeRecords();
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return { placed, missing };
  };
  // At most one pass per `settle` ms, however often the page changes (a ticking clock must not postpone it forever).
  const observer = new MutationObserver(() => {
    timer ??= setTimeout(() => {
      timer = undefined;
      pass();
    }, settle);
  });

  if (highlights && data.claims.length) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(highlightCss());
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  const first = pass();
  if (first.missing.length) {
    console.group(`Claimline: ${first.missing.length} of ${data.claims.length} claims not found on this page`);
    for (const claim of first.missing) console.info(`${claim.statusLabel}: ${claim.statement} (${claim.url})\nquote: ${claim.quote.exact}`);
    console.groupEnd();
  }
  return {
    /** What the first pass found; the page may show more later. */
    ...first,
    /** The claims marked on the page now. */
    shown: () => shown.map((s) => s.claim),
    /** Passes run so far, the first included (for tests). */
    passes: () => passes,
    stop: () => {
      clearTimeout(timer);
      timer = undefined;
      observer.disconnect();
    },
  };
}

/**
 * Highlights each claim's passage under `root` and places its status chip after it. The
 * highlight is a CSS custom highlight (no element wraps the words) and each chip is an element
 * whose content lives in its shadow root. A chip keeps its number if the page renders its
 * passage again, so the chips' accessible names stay unique and stable.
 */
function place(root: Element, data: PageClaims, claims: PageClaim[], numbers: Map<number, number>, highlights: boolean) {
  if (!claims.length) return { placed: [] as Shown[], missing: [] as PageClaim[] };
  const { placed, missing } = anchorClaims(root, claims, data.textLength);
  // Ranges first, chips after: inserting a chip splits a text node, and live ranges follow the split.
  const shown = placed.map(({ claim, ranges }) => {
    if (highlights) {
      const highlight = CSS.highlights.get(highlightName(claim)) ?? new Highlight();
      for (const range of ranges) highlight.add(range);
      CSS.highlights.set(highlightName(claim), highlight);
    }
    if (!numbers.has(claim.id)) numbers.set(claim.id, numbers.size);
    const at = ranges[ranges.length - 1]!.cloneRange();
    at.collapse(false);
    // Never inside a link or another control: a click on the chip would follow it.
    const end = at.endContainer.nodeType === 1 ? (at.endContainer as Element) : at.endContainer.parentElement;
    const control = end?.closest('a, button, label, summary');
    if (control && root.contains(control)) at.setStartAfter(control);
    const element = chip(claim, data.checkedBy, numbers.get(claim.id)!);
    at.insertNode(element);
    return { claim, ranges, chip: element };
  });
  return { placed: shown, missing };
}

function unshow(shown: Shown, highlights: boolean) {
  if (highlights) for (const range of shown.ranges) CSS.highlights.get(highlightName(shown.claim))?.delete(range);
  shown.chip.remove();
}
