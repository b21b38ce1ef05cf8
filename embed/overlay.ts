/**
 * /embed.js: shows a newsroom's published claims on the publisher's own article page. Finds
 * the article by the script's data-article (its slug on Claimline), else the page's canonical
 * URL, highlights each claim's passage and places a status chip after it, also where the page
 * shows or renders the passage again later (embed/show.ts).
 * Sends no cookies and changes no text of the page. Built by scripts/build-embed.mjs; see
 * docs/embed.md.
 */
import { watchClaims, type PageClaims } from './show';

const script = document.currentScript as HTMLScriptElement | null;

async function run(script: HTMLScriptElement) {
  const params = new URLSearchParams();
  const article = script.dataset.article;
  if (article) {
    params.set('article', article);
  } else {
    const canonical = document.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]')?.href;
    const page = new URL(canonical || location.href);
    page.hash = '';
    params.set('url', page.href);
  }
  // no-cache: the browser asks again on every load (a 304 while nothing changed) instead of
  // showing a copy it may serve stale while it refetches (the answer's stale-while-revalidate is
  // for shared caches), so an edit or a withdrawal is on the publisher's page at its next load.
  const response = await fetch(`${new URL(script.src).origin}/api/v1/page-claims?${params}`, { credentials: 'omit', mode: 'cors', cache: 'no-cache' });
  if (!response.ok) throw new Error(`Claimline answered ${response.status}`);
  const { data } = (await response.json()) as { data: PageClaims };
  if (!data.claims.length) return;
  const root = (script.dataset.root && document.querySelector(script.dataset.root)) || document.body;
  watchClaims(root, data);
}

function start() {
  if (script?.src) run(script).catch((error: unknown) => console.warn('Claimline overlay:', error));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
