/**
 * Overlay anchoring benchmark: a 50,000-word article page in Chromium, with 100 claims whose
 * quotes the page breaks up as publishers do (links and emphasis inside quotes, footnote
 * markers, advertisements mid-paragraph, curly marks, extra white space) and 5 that are no
 * longer on the page (each of those costs a search of the whole text). Times what /embed.js
 * does after the fetch: reading the page's text and finding every quote (embed/anchor-page.ts,
 * bundled from the same sources), median of 5 runs, against the 200 ms goal.
 * Run with `npm run bench:embed`.
 */
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import os from 'node:os';
import path from 'node:path';
import { BROWSER_ARGS, findBrowser } from './browser.mjs';
import { createAnchor, type Anchor } from '../lib/anchor';
import { random as seededRandom } from './synthetic/generate';

const WORDS = 50_000;
const CLAIMS = 100;
const MISSING = 5;
const GOAL_MS = 200;

// The same page every run.
const { next: random, pick } = seededRandom(20_261_130);
const SYLLABLES = ['ha', 'ven', 'to', 'mir', 'sel', 'qua', 'dor', 'lin', 'bar', 'bo', 'ne', 'tis', 'um', 'ka', 'pri', 'él', 'zo'];
const word = () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(SYLLABLES)).join('');

// Sentences of 12 to 25 words, some with a quoted phrase in straight marks (the page prints them curly).
type Sentence = { words: string[] };
const sentences: Sentence[] = [];
for (let n = 0; n < WORDS; ) {
  const words = Array.from({ length: 12 + Math.floor(random() * 14) }, word);
  if (random() < 0.2) words[3] = `"${words[3]}"`;
  words[0] = words[0]![0]!.toUpperCase() + words[0]!.slice(1);
  words[words.length - 1] += '.';
  sentences.push({ words });
  n += words.length;
}
const paragraphs: Sentence[][] = [];
for (let i = 0; i < sentences.length; i += 4) paragraphs.push(sentences.slice(i, i + 4));
const body = paragraphs.map((p) => p.map((s) => s.words.join(' ')).join(' ')).join('\n\n');

// Claims on words 2..10 of chosen sentences; how the page breaks each one up.
const chosen = new Map<Sentence, 'link' | 'footnote' | 'ad' | 'plain' | 'gone'>();
while (chosen.size < CLAIMS + MISSING) {
  const s = pick(sentences);
  if (!chosen.has(s)) chosen.set(s, chosen.size < MISSING ? 'gone' : pick(['link', 'footnote', 'ad', 'plain'] as const));
}
const anchors: Anchor[] = [];
let offset = 0;
for (const p of paragraphs) {
  for (const s of p) {
    const text = s.words.join(' ');
    if (chosen.has(s)) {
      const from = offset + s.words.slice(0, 2).join(' ').length + 1;
      const to = offset + s.words.slice(0, 10).join(' ').length;
      anchors.push(createAnchor(body, from, to)!);
    }
    offset += text.length + 1;
  }
  offset += 1;
}

const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const curly = (t: string) => t.replace(/"([^"]*)"/g, '“$1”');
function sentenceHtml(s: Sentence): string {
  const words = s.words.map((w) => escape(curly(w)));
  switch (chosen.get(s)) {
    case 'link':
      return [...words.slice(0, 4), `<a href="#x">${words.slice(4, 6).join(' ')}</a>`, ...words.slice(6)].join(' ');
    case 'footnote':
      return [...words.slice(0, 5), `${words[5]}<sup><a href="#fn">7</a></sup>`, ...words.slice(6)].join(' ');
    case 'ad':
      return [...words.slice(0, 6), '<div class="ad"><span>Advertisement</span> <a href="#">Buy now</a></div>', ...words.slice(6)].join(' ');
    case 'gone':
      return 'This sentence was rewritten after the claim was made.';
    default:
      return words.join('  \n ');
  }
}
const html = `<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head><body><header><nav><a href="/">Home</a></nav></header><article>${paragraphs
  .map((p) => `<p>${p.map(sentenceHtml).join(' ')}</p>`)
  .join('\n')}</article><footer>© The Bench Times</footer></body></html>`;

// Top-level await is not available: tsx runs this file as CommonJS.
async function main() {
  const bundle = await build({
    stdin: { contents: "import { anchorClaims } from './embed/anchor-page'; (window as any).anchorClaims = anchorClaims;", resolveDir: path.resolve('.'), loader: 'ts' },
    tsconfig: 'tsconfig.json',
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
  });

  const executablePath = findBrowser();
  if (!executablePath) throw new Error('No Chromium found (set CHROMIUM_PATH).');
  const browser = await chromium.launch({ executablePath, args: BROWSER_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html);
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    const result = await page.evaluate(
      ({ claims, textLength }) => {
        const run = (window as unknown as { anchorClaims: (root: Node, c: { quote: unknown }[], n: number) => { placed: unknown[]; missing: unknown[] } }).anchorClaims;
        const times: number[] = [];
        let outcome = { placed: 0, missing: 0 };
        for (let i = 0; i < 5; i++) {
          const start = performance.now();
          const { placed, missing } = run(document.body, claims, textLength);
          times.push(performance.now() - start);
          outcome = { placed: placed.length, missing: missing.length };
        }
        return { ms: times.sort((a, b) => a - b)[2]!, outcome, words: document.body.innerText.split(/\s+/).length };
      },
      { claims: anchors.map((quote) => ({ quote })), textLength: body.length },
    );
    console.log(`page: ${result.words.toLocaleString('en')} words, ${html.length.toLocaleString('en')} bytes of HTML, ${anchors.length} claims (${MISSING} no longer on the page)`);
    console.log(`outcome: ${result.outcome.placed} found, ${result.outcome.missing} not found`);
    console.log(`reading the page and anchoring every quote: ${result.ms.toFixed(1)} ms (median of 5)`);
    console.log(`load average during the run: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
    console.log(`goal: under ${GOAL_MS} ms — ${result.ms < GOAL_MS ? 'met' : 'NOT met'}`);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
