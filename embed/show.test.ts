// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnchor } from '@/lib/anchor';
import { STATUS_INFO } from '@/lib/status';
import { watchClaims, type PageClaims } from './show';
import { FERRY_BODY, FERRY_CLAIMS, ferryPage } from './testing/ferry-article';

/** The stored claims as /api/v1/page-claims sends them. */
function pageClaims(): PageClaims {
  return {
    checkedBy: 'Northgate Fact Desk',
    textLength: FERRY_BODY.length,
    claims: FERRY_CLAIMS.map((c, i) => {
      const start = c.last ? FERRY_BODY.lastIndexOf(c.quote) : FERRY_BODY.indexOf(c.quote);
      const anchor = createAnchor(FERRY_BODY, start, start + c.quote.length)!;
      return { id: i + 1, url: `https://checks.example/claims/${i + 1}/x`, statement: c.statement, status: c.status, statusLabel: STATUS_INFO[c.status].label, statusNote: c.statusNote, quote: anchor };
    }),
  };
}

/** The publisher's page as the browser has it once its scripts ran (the ad inserted mid-paragraph). */
function loadPublisherPage() {
  document.documentElement.innerHTML = new DOMParser().parseFromString(ferryPage({ canonical: 'https://tide.example/ferry' }), 'text/html').documentElement.innerHTML;
  const p = document.getElementById('subsidy')!;
  const ad = document.createElement('div');
  ad.className = 'ad-slot';
  ad.innerHTML = '<span>Advertisement</span> <a href="#">Sunset cruises from £9</a>';
  const text = p.firstChild as Text;
  p.insertBefore(ad, text.splitText(text.data.indexOf('would end')));
}

/** One pass over the page, not watching it afterwards. */
function showClaims(root: Element, data: PageClaims) {
  const watch = watchClaims(root, data);
  watch.stop();
  return watch;
}

const visibleText = (range: Range) => range.toString().replace(/\s+/g, ' ');

describe('the overlay on a publisher’s page', () => {
  let info: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    loadPublisherPage();
    info = vi.spyOn(console, 'info').mockImplementation(() => {});
    vi.spyOn(console, 'group').mockImplementation(() => {});
    vi.spyOn(console, 'groupEnd').mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());

  it('finds each quote on the words the page shows, across links, footnotes, an ad, other spaces and marks', () => {
    const { placed, missing } = showClaims(document.body, pageClaims());
    const found = Object.fromEntries(placed.map((p) => [p.claim.id, p.ranges.map(visibleText)]));
    expect(found[1]).toEqual(['carried 1.2\u00a0million passengers last year'.replace(/\s/g, ' ')]);
    expect(found[2]).toEqual(['fares rose by 40 per cent', 'since 2019']);
    expect(found[3]).toEqual(['the subsidy', 'would end in March, leaving the operator to cover the shortfall alone']);
    expect(found[4]).toEqual(['called the new timetable “a work of fiction”']);
    expect(found[5]).toEqual(["the council's own survey"]);
    expect(missing.map((c) => c.id)).toEqual([6]);
    // The second "fares will rise again", as the stored context says (the one in <strong>).
    const repeat = placed.find((p) => p.claim.id === 7)!.ranges[0]!;
    expect(repeat.startContainer.parentElement?.localName).toBe('strong');
  });

  it('changes no text of the page, and puts each chip after its passage with its status in words', () => {
    const before = document.body.textContent;
    showClaims(document.body, pageClaims());
    expect(document.body.textContent).toBe(before);
    const chips = [...document.querySelectorAll('claimline-chip')];
    expect(chips).toHaveLength(6);
    const labels = chips.map((c) => c.shadowRoot!.querySelector('button')!.textContent);
    expect(labels[0]).toMatch(/^Confirmed \(fact check 1 by Northgate Fact Desk\)$/);
    // The chip of a passage that ends inside a link goes after the link, never inside it.
    expect(chips.every((c) => !c.closest('a'))).toBe(true);
    const first = chips[0]!;
    expect(first.previousSibling?.textContent?.endsWith('last year')).toBe(true);
    const card = first.shadowRoot!.querySelector('[role="dialog"]')!;
    expect(card.textContent).toContain('“The ferry carried 1.2 million passengers last year.”');
    expect(card.querySelector('a')!.getAttribute('href')).toBe('https://checks.example/claims/1/x');
  });

  it('opens and closes the card from the keyboard where popovers are missing', () => {
    showClaims(document.body, pageClaims());
    const root = document.querySelector('claimline-chip')!.shadowRoot!;
    const button = root.querySelector('button')!;
    const card = root.querySelector<HTMLElement>('[role="dialog"]')!;
    expect(card.hidden).toBe(true);
    button.click();
    expect(card.hidden).toBe(false);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    card.querySelector('a')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(card.hidden).toBe(true);
  });

  it('reports the quotes it could not find in one console group, and places nothing for them', () => {
    const { missing } = showClaims(document.body, pageClaims());
    expect(missing).toHaveLength(1);
    expect(info).toHaveBeenCalledWith(expect.stringContaining('A bridge will replace the ferry within five years.'));
    expect(document.querySelectorAll('claimline-chip[data-claim="6"]')).toHaveLength(0);
  });

  it('shows nothing on a page that is not the article', () => {
    document.body.innerHTML = '<main><p>Weather: rain all week, clearing on Sunday.</p></main>';
    const { placed } = showClaims(document.body, pageClaims());
    expect(placed).toEqual([]);
    expect(document.querySelectorAll('claimline-chip')).toHaveLength(0);
  });
});

describe('the overlay as the publisher’s page changes', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    loadPublisherPage();
    vi.spyOn(console, 'info').mockImplementation(() => {});
    vi.spyOn(console, 'group').mockImplementation(() => {});
    vi.spyOn(console, 'groupEnd').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  const chips = (id?: number) => document.querySelectorAll(id ? `claimline-chip[data-claim="${id}"]` : 'claimline-chip');
  const label = (id: number) => chips(id)[0]!.shadowRoot!.querySelector('button')!.textContent;

  it('marks a passage the page shows only later, as a script-loaded body or infinite scroll does', async () => {
    const subsidy = document.getElementById('subsidy')!;
    const parent = subsidy.parentElement!;
    const next = subsidy.nextSibling;
    subsidy.remove();
    const watch = watchClaims(document.body, pageClaims());
    expect(watch.missing.map((c) => c.id).sort()).toEqual([3, 6]);
    parent.insertBefore(subsidy, next);
    await vi.advanceTimersByTimeAsync(400);
    expect(chips(3)).toHaveLength(1);
    expect(watch.shown().map((c) => c.id).sort()).toEqual([1, 2, 3, 4, 5, 7]);
    // Its number follows the ones already on the page: every chip's name stays unique.
    expect(label(3)).toMatch(/^Disputed \(fact check 6 by /);
    expect(new Set([...chips()].map((c) => c.shadowRoot!.querySelector('button')!.textContent)).size).toBe(6);
    watch.stop();
  });

  it('marks a passage again when the page renders its paragraph again, with the same number and no second chip', async () => {
    const watch = watchClaims(document.body, pageClaims());
    const before = label(1);
    const paragraph = chips(1)[0]!.closest('p')!;
    // A framework re-rendering the paragraph: a new element with the page's own markup, no chip.
    const fresh = paragraph.cloneNode(true) as HTMLElement;
    fresh.querySelectorAll('claimline-chip').forEach((c) => c.remove());
    fresh.normalize();
    const text = fresh.textContent;
    paragraph.replaceWith(fresh);
    expect(chips(1)).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(400);
    expect(chips(1)).toHaveLength(1);
    expect(label(1)).toBe(before);
    expect(chips()).toHaveLength(6);
    expect(chips(1)[0]!.closest('p')).toBe(fresh);
    expect(fresh.textContent).toBe(text);
    watch.stop();
  });

  it('runs no pass for its own chips, and stops watching when told', async () => {
    const watch = watchClaims(document.body, pageClaims());
    await vi.advanceTimersByTimeAsync(5_000);
    expect(watch.passes()).toBe(1);
    watch.stop();
    document.body.append(document.createElement('p'));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(watch.passes()).toBe(1);
  });

  it('gives up on a passage the page keeps taking its chip from, instead of fighting it', async () => {
    let taken = 0;
    new MutationObserver(() => {
      for (const c of document.querySelectorAll('claimline-chip[data-claim="1"]')) {
        c.remove();
        taken++;
      }
    }).observe(document.body, { childList: true, subtree: true });
    const watch = watchClaims(document.body, pageClaims());
    await vi.advanceTimersByTimeAsync(120_000);
    expect(taken).toBe(6);
    expect(chips(1)).toHaveLength(0);
    expect(chips()).toHaveLength(5);
    watch.stop();
  });

  it('passes at a slowing pace on a page that changes all the time, and still finds what appears', async () => {
    const clock = document.createElement('p');
    document.body.append(clock);
    const ticking = setInterval(() => (clock.textContent = String(Date.now())), 100);
    const subsidy = document.getElementById('subsidy')!;
    const parent = subsidy.parentElement!;
    subsidy.remove();
    const watch = watchClaims(document.body, pageClaims());
    await vi.advanceTimersByTimeAsync(60_000);
    // 0.3 + 0.6 + … + 9.6 s, then one pass every 10 s.
    expect(watch.passes()).toBeLessThanOrEqual(12);
    parent.append(subsidy);
    await vi.advanceTimersByTimeAsync(10_500);
    expect(chips(3)).toHaveLength(1);
    clearInterval(ticking);
    watch.stop();
  });
});
