import { LiveTextBuilder, type LiveText } from '@/lib/anchor-live';

/** Elements whose content is not text a reader reads in the article. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'select', 'option', 'iframe', 'object', 'svg', 'math', 'canvas', 'video', 'audio', 'head']);
// Elements that start a new line: their edges separate words even where the markup has no space.
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'td', 'th', 'tr', 'ul',
]);

/** The overlay's own elements (their content is in a shadow root, but never read them as page text). */
export const CHIP_TAG = 'claimline-chip';

export type PageText = LiveText & { nodes: Text[] };

/** The text of a page under `root` as the overlay matches quotes in it. */
export function readPageText(root: Node): PageText {
  const builder = new LiveTextBuilder();
  const nodes: Text[] = [];
  const visit = (parent: Node) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        nodes.push(child as Text);
        builder.add((child as Text).data, nodes.length - 1);
      } else if (child.nodeType === 1) {
        const element = child as Element;
        const name = element.localName;
        if (SKIPPED.has(name) || name === CHIP_TAG || element.hasAttribute('hidden')) continue;
        const block = BLOCKS.has(name);
        if (block) builder.space();
        const opened = builder.open();
        visit(element);
        builder.close(opened);
        if (block) builder.space();
      }
    }
  };
  visit(root);
  return { ...builder.finish(), nodes };
}

/** A DOM range over text[start, end) of a page's text. */
export function rangeOf(page: PageText, start: number, end: number): Range {
  const range = document.createRange();
  range.setStart(page.nodes[page.node[start]!]!, page.offset[start]!);
  range.setEnd(page.nodes[page.node[end - 1]!]!, page.offset[end - 1]! + 1);
  return range;
}
