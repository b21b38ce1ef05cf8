import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { balanceDirectionByLine } from './text';

/**
 * Markdown as safe HTML, for the text admins write (policy pages).
 *
 * Two layers, each enough on its own for the usual attacks: markdown-it with `html: false`
 * never passes raw HTML through (a typed <script> becomes the text "<script>") and refuses
 * javascript:, vbscript: and data: links; sanitize-html then keeps only an allowlist of
 * elements, attributes and URL schemes, whatever a future markdown-it option or plugin emits.
 * Images are kept only from this site (a path starting with one "/"): the Content-Security-Policy
 * would block another host's image anyway, and a broken picture helps nobody.
 */
const md = new MarkdownIt({ html: false, linkify: true });

const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'strong', 'em', 's', 'code', 'pre',
  'a', 'img', 'span', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
];

/** A path on this site: "/x", not "//host/x" (which a browser reads as another host). */
const sameSitePath = (src: string) => /^\/(?![/\\])/.test(src);

export function renderMarkdown(text: string): string {
  // Headings start at h2: the page's own title is its only h1.
  const html = md.render(balanceDirectionByLine(text)).replace(/<(\/?)h1>/g, '<$1h2>');
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ['href', 'title', 'rel'], img: ['src', 'alt', 'title'], th: ['style'], td: ['style'], ol: ['start'] },
    allowedStyles: { th: { 'text-align': [/^(?:left|right|center)$/] }, td: { 'text-align': [/^(?:left|right|center)$/] } },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: {
      // Another host's image is shown as its description: the reader still learns what it was.
      img: (tagName, attribs) =>
        sameSitePath(attribs.src ?? '') ? { tagName, attribs } : { tagName: 'span', attribs: {}, text: attribs.alt ?? '' },
      // Links to other sites pass no referrer or ranking.
      a: (tagName, attribs) => ({
        tagName,
        attribs: attribs.href && /^https?:/i.test(attribs.href) ? { ...attribs, rel: 'nofollow noopener noreferrer' } : attribs,
      }),
    },
  });
}

/**
 * Whether two Markdown texts show readers the same page: their HTML alike once runs of white space
 * are collapsed as a browser collapses them (outside <pre>). Line ends, a doubled space or a
 * trailing blank line change nothing; an indent that makes a code block, two trailing spaces that
 * break a line or a no-break space (which keeps "10 km" together) do.
 */
export function sameRendering(a: string, b: string): boolean {
  const seen = (text: string) =>
    renderMarkdown(text.replace(/\r\n?/g, '\n'))
      .split(/(<pre>[\s\S]*?<\/pre>)/)
      .map((part, i) => (i % 2 ? part : part.replace(/[ \t\n\f\r]+/g, ' ')))
      .join('')
      .trim();
  return seen(a) === seen(b);
}
