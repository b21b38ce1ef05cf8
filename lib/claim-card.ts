import { formatDate } from './format';
import { htmlDocument } from './html-document';
import { quoted } from './quotes';
import { ICON_ATTRIBUTES, STATUS_ICONS } from './status-icons';
import { STATUS_INFO, type Status } from './status';
import { escapeMarkup as esc } from './text';

/**
 * The claim card (/claims/<id>/card): a small page other sites frame, through oEmbed or by
 * hand. Complete HTML with no script, so it works without JavaScript and its policy allows
 * none; every text from the database is escaped here.
 */

export type CardClaim = {
  statement: string;
  status: Status;
  statusNote: string;
  claimant: string | null;
  articleTitle: string;
  outlet: string;
  /** The claim page. */
  url: string;
  checkedBy: string;
  /** Set when the newsroom withdrew the claim: the card says so instead of showing a verdict. */
  withdrawn?: { on: Date; note: string };
};

/** The iframe's default size; the card's text is clamped to fit it. */
export const CARD_SIZE = { width: 500, height: 230 } as const;

function icon(status: Status): string {
  const attributes = Object.entries(ICON_ATTRIBUTES).map(([name, value]) => `${name}="${value}"`).join(' ');
  const shapes = STATUS_ICONS[status]
    .map((shape) =>
      'path' in shape
        ? `<path d="${shape.path}"${shape.filled ? ' fill="currentColor"' : ''}/>`
        : `<circle cx="${shape.circle[0]}" cy="${shape.circle[1]}" r="${shape.circle[2]}"${shape.dot ? ' fill="currentColor" stroke="none"' : ''}/>`,
    )
    .join('');
  return `<svg ${attributes} width="1em" height="1em" aria-hidden="true" focusable="false">${shapes}</svg>`;
}

export function claimCardHtml(claim: CardClaim): string {
  const status = claim.withdrawn ? 'retracted' : claim.status;
  const info = STATUS_INFO[status];
  const label = claim.withdrawn ? 'Withdrawn' : info.label;
  const why = claim.withdrawn ? `The newsroom withdrew this claim on ${formatDate(claim.withdrawn.on)}: ${claim.withdrawn.note}` : claim.statusNote || info.description;
  const c = info.colour;
  const made = [claim.claimant ? `Claimed by ${esc(claim.claimant)}` : '', `in ${esc(claim.articleTitle)}${claim.outlet ? ` (${esc(claim.outlet)})` : ''}`]
    .filter(Boolean)
    .join(' · ');
  return htmlDocument({
    title: `${label}: ${quoted(claim.statement)}`,
    head: `<link rel="canonical" href="${esc(claim.url)}">\n`,
    css: `
:root{color-scheme:light dark;--fg:#111827;--muted:#4b5563;--bg:#fff;--rule:#d1d5db;--link:#1d4ed8;--st-fg:${c.fg};--st-bg:${c.bg}}
@media (prefers-color-scheme:dark){:root{--fg:#f3f4f6;--muted:#d1d5db;--bg:#111827;--rule:#374151;--link:#93c5fd;--st-fg:${c.darkFg};--st-bg:${c.darkBg}}}
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
.card{height:100%;display:flex;flex-direction:column;gap:6px;padding:14px 16px;border:1px solid var(--rule);border-radius:10px;overflow:hidden}
.status{align-self:flex-start;display:inline-flex;align-items:center;gap:.35em;padding:2px 10px;border-radius:999px;background:var(--st-bg);color:var(--st-fg);font-weight:700}
.statement{margin:0;font-size:17px;font-weight:650;line-height:1.35;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:3;line-clamp:3;overflow:hidden}
.made,.why{margin:0;color:var(--muted);font-size:13px;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;line-clamp:2;overflow:hidden}
.more{margin:auto 0 0;font-size:14px}
a{color:var(--link);font-weight:600}
a:focus-visible{outline:3px solid var(--link);outline-offset:2px}
`,
    body: `<article class="card">
<span class="status">${icon(status)}${esc(label)}</span>
<p class="statement">${esc(quoted(claim.statement))}</p>
<p class="made">${made}</p>
<p class="why">${esc(why)}</p>
<p class="more"><a href="${esc(claim.url)}" target="_blank" rel="noopener">${claim.withdrawn ? 'Read the record' : 'Read the fact check'} by ${esc(claim.checkedBy)}</a></p>
</article>`,
  });
}
