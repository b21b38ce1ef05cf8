import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

/** The rendered HTML as a browser would parse it. */
const dom = (markdown: string) => JSDOM.fragment(renderMarkdown(markdown));

const hostile = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<iframe src="https://evil.example"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](java\tscript:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![x](https://evil.example/pixel.png)',
  '![x](//evil.example/pixel.png)',
  '![x](/\\evil.example/pixel.png)',
  '![x](data:image/svg+xml,<svg onload=alert(1)>)',
  '![<img src=x onerror=alert(1)>](https://evil.example/a.png)',
  '<style>body{display:none}</style>',
  '<svg><script>alert(1)</script></svg>',
  '<div onclick="alert(1)">hi</div>',
  '[x](https://example.org "\\" onmouseover=\\"alert(1)")',
  '<details open ontoggle=alert(1)>',
];

describe('renderMarkdown', () => {
  it('renders the Markdown an admin writes', () => {
    const html = renderMarkdown('## How we choose\n\n- **Reach** matters\n- [Corrections](/corrections)\n\n1. Find the source\n2. Ask for comment');
    expect(html).toContain('<h2>How we choose</h2>');
    expect(html).toContain('<strong>Reach</strong>');
    expect(html).toContain('<a href="/corrections">Corrections</a>');
    expect(html).toContain('<ol>');
  });

  it('keeps the page’s title the only h1', () => {
    expect(renderMarkdown('# Our methods')).toBe('<h2>Our methods</h2>\n');
  });

  it.each(hostile)('renders %j inert', (input) => {
    const fragment = dom(`${input}\n\nafter`);
    expect(fragment.querySelectorAll('script, iframe, style, svg, div, details, object, embed').length).toBe(0);
    for (const el of fragment.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) expect(attr).not.toMatch(/^on/i);
      for (const name of ['href', 'src']) {
        const value = el.getAttribute(name);
        if (value !== null) expect(value).toMatch(/^(?:https?:|mailto:|\/(?![/\\]))/i);
      }
    }
    for (const img of fragment.querySelectorAll('img')) expect(img.getAttribute('src')).toMatch(/^\/(?![/\\])/);
    // The text after the hostile part is still shown: nothing swallowed the rest of the page.
    expect(fragment.textContent).toContain('after');
  });

  it('shows typed HTML as text, and another host’s picture as its description', () => {
    expect(dom('Press <kbd>C</kbd>').textContent).toBe('Press <kbd>C</kbd>\n');
    const fragment = dom('![Chart of the budget](https://evil.example/chart.png)');
    expect(fragment.querySelector('img')).toBeNull();
    expect(fragment.textContent).toContain('Chart of the budget');
  });

  it('keeps pictures from this site and marks links to other sites', () => {
    const fragment = dom('![Our logo](/icon.svg) and [a report](https://stats.example/report)');
    expect(fragment.querySelector('img')?.getAttribute('src')).toBe('/icon.svg');
    expect(fragment.querySelector('a')?.getAttribute('rel')).toBe('nofollow noopener noreferrer');
  });

  it('handles messy text: RTL, emoji, CJK, curly quotes, control characters, nothing at all', () => {
    const text = '## المنهجية\n\n“Quoted” — 事实核查 👩🏽‍💻 \u0007bell';
    const fragment = dom(text);
    expect(fragment.querySelector('h2')?.textContent).toBe('المنهجية');
    expect(fragment.textContent).toContain('事实核查 👩🏽‍💻');
    expect(renderMarkdown('')).toBe('');
  });

  it('drops a direction override left open, which showed the rest of its paragraph backwards, and keeps closed pairs', () => {
    const html = renderMarkdown('Write to [the desk](mailto:tips@courier.example) — «نرحب بالتصحيحات» 🙏 \u202Eevil and more\n\n\u202Bمرحبا\u202C, welcome.');
    expect(html).toBe('<p>Write to <a href="mailto:tips@courier.example">the desk</a> — «نرحب بالتصحيحات» 🙏 evil and more</p>\n<p>\u202Bمرحبا\u202C, welcome.</p>\n');
  });

  it('stays fast on a huge page', () => {
    const huge = '- item with *emphasis* and [a link](/x)\n'.repeat(5000) + '*'.repeat(10_000);
    const started = performance.now();
    expect(renderMarkdown(huge).length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
