import fs from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { it } from 'vitest';
import { StatsCharts } from '@/components/stats-charts';
import { loadSynthetic } from '@/db/queries/synthetic';
import { useFreshDatabase } from '@/db/testing';
import { parsePeriod } from '@/lib/stats';
import { statusCss } from '@/lib/status';
import { readStats } from '@/lib/server/stats';

it('preview', () => {
  useFreshDatabase();
  const now = Date.UTC(2026, 0, 1);
  loadSynthetic({ articles: 100, claims: 3000, seed: 5, now });
  const { period } = parsePeriod({ from: '2025-01', to: '2025-12' }, now);
  const html = renderToStaticMarkup(createElement(StatsCharts, { datasets: readStats('public', period, now), period, locale: 'en-GB', csvBase: '/stats' }));
  const css = fs.readFileSync('app/globals.css', 'utf8').replace(/@import[^;]+;/, '').replace(/@theme\s*{[^}]*}/, '');
  for (const scheme of ['light', 'dark']) {
    fs.writeFileSync(`/tmp/stats-preview/${scheme}.html`, `<!doctype html><html><head><meta name="viewport" content="width=device-width"><style>${statusCss()}${css} body{font-family:sans-serif;margin:12px} .sr-only{position:absolute;width:1px;height:1px;overflow:hidden} .flex{display:flex}.flex-wrap{flex-wrap:wrap}.gap-x-4{column-gap:1rem}.items-center{align-items:center}.gap-1\\.5{gap:.375rem} .muted{color:var(--muted)} ul{list-style:none;padding:0}</style></head><body>${html}</body></html>`);
  }
});
