import { createHash } from 'node:crypto';
import { locateExcerpt, segmentBody } from './anchor';
import { formatDate, isoDate } from './format';
import { htmlDocument } from './html-document';
import { quoted } from './quotes';
import { externalHref } from './routes';
import { escapeMarkup as esc } from './text';

/**
 * The archived copy of a source (/claims/<id>/archive/<source>): a complete HTML document of
 * the text Claimline stored, with no script and nothing loaded from anywhere, its one
 * stylesheet inline and allowed by its hash alone (ARCHIVE_POLICY). The stored text is what a
 * site sent, so every string from it or the database is escaped here, never parsed as markup.
 */

const CSS = `:root{color-scheme:light dark;--fg:#1c1917;--bg:#fcfcfa;--muted:#57534e;--rule:#d6d3d1;--panel:#f5f5f4;--link:#1d4ed8;--mark-bg:#fde68a;--mark-fg:#1c1917;--mark-rule:#b45309;--draft-bg:#fef3c7;--draft-fg:#78350f}
@media (prefers-color-scheme:dark){:root{--fg:#f5f5f4;--bg:#161412;--muted:#c4bfba;--rule:#44403c;--panel:#23201d;--link:#93c5fd;--mark-bg:#78350f;--mark-fg:#fef3c7;--mark-rule:#fbbf24;--draft-bg:#451a03;--draft-fg:#fde68a}}
*{box-sizing:border-box}
body{margin:0;color:var(--fg);background:var(--bg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
.wrap{max-width:46rem;margin:0 auto;padding:1rem}
a{color:var(--link)}
a:focus-visible{outline:3px solid var(--link);outline-offset:2px}
.copy-notice{background:var(--panel);border:2px dashed var(--rule);border-radius:.5rem;padding:1rem}
.label{margin:0;font-size:.8rem;font-weight:700;letter-spacing:.08em;text-transform:uppercase}
.draft{display:inline-block;margin:.5rem 0 0;padding:.1rem .5rem;border-radius:.25rem;background:var(--draft-bg);color:var(--draft-fg);font-size:.875rem;font-weight:600}
.copy-notice p,.copy-notice dl{font-size:.875rem}
dl{display:grid;grid-template-columns:auto 1fr;gap:.1rem .75rem;margin:.5rem 0 0}
dt{color:var(--muted)}
dd{margin:0;overflow-wrap:anywhere}
.hash{font:.75rem/1.6 ui-monospace,SFMono-Regular,Menlo,monospace}
h1{margin:1.5rem 0 .5rem;font-size:1.6rem;line-height:1.25}
.text{font:1.125rem/1.7 "Iowan Old Style","Palatino Linotype",Palatino,"Noto Serif","DejaVu Serif",Georgia,serif}
.text p{margin:0 0 1.25rem;white-space:pre-line;overflow-wrap:break-word}
mark{background:var(--mark-bg);color:var(--mark-fg);border-bottom:2px solid var(--mark-rule)}
.muted{color:var(--muted);font-size:.875rem}
footer{margin-top:2rem;padding-top:1rem;border-top:1px solid var(--rule)}`;

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** No script, no frame, no form, nothing fetched: only the inline stylesheet above, by its hash. */
export const ARCHIVE_POLICY = [
  "default-src 'none'",
  `style-src ${hash(CSS)}`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export type ArchivedCopyInput = {
  /** Who stored it (the newsroom's name). */
  publisher: string;
  /** `editorsOnly`: the claim is a draft (or withdrawn), and the copy is shown to a signed-in editor. */
  claim: { statement: string; href: string; editorsOnly: boolean };
  cited: { title: string; url: string; excerpt: string };
  snapshot: {
    fetchedAt: Date;
    finalUrl: string;
    title: string;
    text: string;
    textTruncated: boolean;
    contentType: string;
    size: number;
    sha256: string;
  };
};

function page(title: string, body: string): string {
  return htmlDocument({ title, head: '<meta name="referrer" content="no-referrer">\n', css: CSS, body: `<div class="wrap">\n${body}\n</div>` });
}

function storedText(text: string, excerpt: ReturnType<typeof locateExcerpt>): string {
  const paragraphs = segmentBody(text, excerpt ? [{ id: 1, start: excerpt.start, end: excerpt.end }] : []);
  return paragraphs
    .map(
      (segments) =>
        `<p dir="auto">${segments
          .map((s) => (s.spans.length ? `<mark${s.start === excerpt?.start ? ' id="cited"' : ''}>${esc(s.text)}</mark>` : esc(s.text)))
          .join('')}</p>`,
    )
    .join('\n');
}

/** The whole document for one stored copy, as a claim cites it. */
export function archivedCopyHtml({ publisher, claim, cited, snapshot }: ArchivedCopyInput): string {
  const excerpt = locateExcerpt(snapshot.text, cited.excerpt);
  const date = `<time datetime="${isoDate(snapshot.fetchedAt)}">${esc(formatDate(snapshot.fetchedAt))}</time>`;
  const original = externalHref(cited.url);
  const claimLink = `<a href="${esc(claim.href)}">${esc(quoted(claim.statement))}</a>`;
  const rows = [
    ['Address', original ? `<a href="${esc(original)}" rel="noopener noreferrer nofollow">${esc(cited.url)}</a>` : esc(cited.url)],
    ...(snapshot.finalUrl !== cited.url ? [['Fetched from', esc(snapshot.finalUrl)]] : []),
    ['Type', `${esc(snapshot.contentType || 'unknown')}, ${snapshot.size.toLocaleString('en')} bytes`],
    ['SHA-256', `<span class="hash">${esc(snapshot.sha256)}</span>`],
  ];
  const jump = !cited.excerpt
    ? ''
    : excerpt
      ? `<p><a href="#cited">${excerpt.exact ? 'Jump to the cited excerpt' : 'Jump to the passage closest to the cited excerpt'}</a></p>`
      : '<p>The cited excerpt was not found in this copy.</p>';
  const text = snapshot.text
    ? `<div class="text">\n${storedText(snapshot.text, excerpt)}\n</div>`
    : `<p>${
        snapshot.contentType.toLowerCase().startsWith('application/pdf')
          ? `This source is a PDF file; ${esc(publisher)} keeps its fingerprint (SHA-256 above) and size, not its text.`
          : 'No text could be extracted from this source.'
      }</p>`;
  return page(
    `Archived copy: ${cited.title}, ${formatDate(snapshot.fetchedAt)}`,
    `<header class="copy-notice">
<p class="label">Archived copy</p>
${claim.editorsOnly ? '<p class="draft">The claim citing it is not published: only signed-in editors can open this copy.</p>' : ''}
<p>This is the text ${esc(publisher)} stored when it fetched this source on ${date}, not the page itself: layout, images and links are left out, and the page may have changed since.</p>
<dl>
${rows.map(([name, value]) => `<dt>${name}</dt><dd>${value}</dd>`).join('\n')}
</dl>
<p>Cited by the claim ${claimLink}.</p>
</header>
<main>
<h1 dir="auto">${esc(snapshot.title || cited.title)}</h1>
${jump}
${text}
${snapshot.textTruncated ? '<p class="muted">The copy stops here: the text was longer than Claimline stores.</p>' : ''}
</main>
<footer><a href="${esc(claim.href)}">Back to the claim</a></footer>`,
  );
}

/** The answer for an address with no copy to show (an unknown claim or source, or a draft for a reader). */
export function archivedCopyMissingHtml(): string {
  return page(
    'No archived copy here',
    `<main>
<h1>No archived copy here</h1>
<p>There is no stored copy at this address, or the claim citing it is not published.</p>
<p><a href="/">Go to the front page</a></p>
</main>`,
  );
}
