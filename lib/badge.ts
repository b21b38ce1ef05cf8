import { STATUS_INFO, type Status } from './status';
import { escapeMarkup as escapeXml } from './text';

// Rough advance width of DejaVu Sans / Verdana at 11px; badges need not be pixel exact.
const textWidth = (text: string) => Math.round([...text].length * 7 + 10);

/** An SVG status badge ("claim | ✓ Confirmed") for embedding on other sites; text, not colour, carries the status. */
export function statusBadgeSvg(status: Status, label = 'claim'): string {
  const info = STATUS_INFO[status];
  const right = `${info.icon} ${info.label}`;
  const lw = textWidth(label);
  const rw = textWidth(right);
  const width = lw + rw;
  const title = escapeXml(`${label}: ${info.label}`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${title}">
<title>${title}</title>
<rect width="${lw}" height="20" rx="3" fill="#374151"/>
<rect x="${lw}" width="${rw}" height="20" rx="3" fill="${info.colour.solid}"/>
<rect x="${lw}" width="4" height="20" fill="${info.colour.solid}"/>
<g fill="#fff" font-family="DejaVu Sans,Verdana,Geneva,sans-serif" font-size="11" text-anchor="middle">
<text x="${lw / 2}" y="14">${escapeXml(label)}</text>
<text x="${lw + rw / 2}" y="14" font-weight="bold">${escapeXml(right)}</text>
</g>
</svg>`;
}
