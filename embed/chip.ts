import { quoted } from '@/lib/quotes';
import { ICON_ATTRIBUTES, STATUS_ICONS } from '@/lib/status-icons';
import { STATUS_INFO, STATUSES, type Status } from '@/lib/status';
import { CHIP_TAG } from './page-text';

/** A claim as the overlay endpoint sends it (see pageClaimsSchema in lib/api-schema.ts). */
export type OverlayClaim = {
  id: number;
  url: string;
  statement: string;
  status: Status;
  statusLabel: string;
  statusNote: string;
};

const SVG = 'http://www.w3.org/2000/svg';

// Everything inside the chips' shadow roots: the publisher's styles do not reach in, and ours do not leak out.
const CSS = `
:host{all:initial;font-size:inherit;display:inline}
.chip{display:inline-flex;align-items:center;gap:.3em;margin:0 .15em 0 .3em;padding:0 .5em;border:1px solid var(--solid);border-radius:1em;
background:var(--bg);color:var(--fg);font:600 .8em/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;cursor:pointer;vertical-align:.05em;white-space:nowrap}
.chip:hover{box-shadow:0 0 0 1px var(--solid)}
.chip:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
svg{width:1em;height:1em;flex:none}
.hidden-label{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.card{box-sizing:border-box;position:absolute;inset:auto;margin:0;width:min(24rem,calc(100vw - 16px));padding:14px 16px;border:1px solid #d1d5db;border-radius:8px;
background:#fff;color:#111827;box-shadow:0 8px 24px rgba(0,0,0,.18);font:400 15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;text-align:left}
.card[hidden]{display:none}
.card p{margin:0 0 8px}
.status{display:inline-flex;align-items:center;gap:.35em;padding:1px 8px;border-radius:4px;background:var(--bg);color:var(--fg);font-weight:700}
.statement{font-weight:600}
.why{color:#374151}
.card a{color:#1d4ed8;text-decoration:underline;font-weight:600}
.card a:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
.by{margin:0;color:#4b5563;font-size:13px}
`;

let sheet: CSSStyleSheet | null | undefined;
/** One constructed style sheet for every chip (not subject to the publisher's style-src, unlike a <style> element). */
function styles(root: ShadowRoot): void {
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    } catch {
      sheet = null;
    }
  }
  if (sheet) {
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = CSS;
    root.append(style);
  }
}

/** The highlight colours, one named highlight per status, for the page's own style sheets. */
export function highlightCss(): string {
  return STATUSES.map((s) => {
    const c = STATUS_INFO[s].colour;
    return `::highlight(claimline-${s}){background-color:${c.bg};color:${c.fg};text-decoration:underline 2px ${c.solid}}`;
  }).join('');
}

function icon(status: Status): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  for (const [name, value] of Object.entries(ICON_ATTRIBUTES)) svg.setAttribute(name, value);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const shape of STATUS_ICONS[status]) {
    const el = document.createElementNS(SVG, 'path' in shape ? 'path' : 'circle');
    if ('path' in shape) {
      el.setAttribute('d', shape.path);
      if (shape.filled) el.setAttribute('fill', 'currentColor');
    } else {
      const [cx, cy, r] = shape.circle;
      el.setAttribute('cx', String(cx));
      el.setAttribute('cy', String(cy));
      el.setAttribute('r', String(r));
      if (shape.dot) {
        el.setAttribute('fill', 'currentColor');
        el.setAttribute('stroke', 'none');
      }
    }
    svg.append(el);
  }
  return svg;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

const supportsPopover = typeof HTMLElement !== 'undefined' && 'popover' in HTMLElement.prototype;

/**
 * The status chip placed after a claim's passage: a button with the status's icon and word,
 * opening a card with the statement, status, why and a link to the claim page. Built with
 * DOM calls only (no markup from the data is ever parsed). The card is a popover where the
 * browser has them (top layer, Escape and a click outside close it), else a toggled box.
 */
export function chip(claim: OverlayClaim, checkedBy: string, index: number): HTMLElement {
  const host = document.createElement(CHIP_TAG);
  // Page styles may target any element; these keep the host an inline box whatever they say.
  host.style.setProperty('display', 'inline', 'important');
  host.dataset.claim = String(claim.id);
  const root = host.attachShadow({ mode: 'open' });
  styles(root);
  const info = STATUS_INFO[claim.status];
  const colours = `--fg:${info.colour.fg};--bg:${info.colour.bg};--solid:${info.colour.solid}`;

  const button = element('button', 'chip');
  button.type = 'button';
  button.style.cssText = colours;
  button.append(icon(claim.status), element('span', '', claim.statusLabel), element('span', 'hidden-label', ` (fact check ${index + 1} by ${checkedBy})`));

  const card = element('div', 'card');
  card.id = `claimline-card-${claim.id}-${index}`;
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', `Fact check: ${claim.statusLabel}`);
  card.style.cssText = colours;
  const status = element('p', '');
  const badge = element('span', 'status');
  badge.append(icon(claim.status), element('span', '', claim.statusLabel));
  status.append(badge);
  const link = element('a', '', 'Read the fact check');
  link.href = claim.url;
  card.append(
    status,
    element('p', 'statement', quoted(claim.statement)),
    element('p', 'why', claim.statusNote || info.description),
    wrap(link),
    element('p', 'by', `Checked by ${checkedBy}`),
  );
  button.setAttribute('aria-controls', card.id);
  button.setAttribute('aria-expanded', 'false');

  const place = () => {
    const box = button.getBoundingClientRect();
    const width = card.offsetWidth;
    const left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
    // In the top layer `absolute` is relative to the document; inline in the page it could be relative to anything.
    const scroll = supportsPopover ? { x: window.scrollX, y: window.scrollY } : { x: 0, y: 0 };
    if (!supportsPopover) card.style.position = 'fixed';
    card.style.left = `${left + scroll.x}px`;
    card.style.top = `${box.bottom + 6 + scroll.y}px`;
  };
  if (supportsPopover) {
    card.popover = 'auto';
    button.popoverTargetElement = card;
    // Closing with Escape from the card's link would leave focus nowhere: give it back to the chip.
    let focusInside = false;
    card.addEventListener('beforetoggle', (event) => {
      focusInside = (event as ToggleEvent).newState === 'closed' && card.contains(root.activeElement);
    });
    card.addEventListener('toggle', (event) => {
      const open = (event as ToggleEvent).newState === 'open';
      button.setAttribute('aria-expanded', String(open));
      if (open) place();
      else if (focusInside) button.focus();
    });
  } else {
    card.hidden = true;
    const toggle = (open: boolean) => {
      card.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
      if (open) place();
    };
    button.addEventListener('click', () => toggle(card.hidden));
    root.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Escape' && !card.hidden) {
        toggle(false);
        button.focus();
      }
    });
  }
  root.append(button, card);
  return host;
}

function wrap(link: HTMLAnchorElement): HTMLParagraphElement {
  const p = element('p', '');
  p.append(link);
  return p;
}
