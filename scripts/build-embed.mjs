// Builds /embed.js, the publisher overlay (embed/overlay.ts with the lib/ modules it imports:
// lib/anchor.ts is bundled, not copied), into .next/claimline/embed.js, where the route
// app/embed.js/route.ts serves it from. Run after `next build` (which empties .next) by
// `npm run build` and build-if-needed.mjs, and before `next dev` by dev.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { root } from './lib.mjs';

export const EMBED_FILE = path.join(root, '.next', 'claimline', 'embed.js');

/** The minified bundle's bytes; written to EMBED_FILE unless `write` is false. */
export async function buildEmbed({ write = true } = {}) {
  const result = await build({
    entryPoints: [path.join(root, 'embed', 'overlay.ts')],
    tsconfig: path.join(root, 'tsconfig.json'),
    bundle: true,
    minify: true,
    format: 'iife',
    // Browsers with CSS custom highlights or at least shadow roots and fetch; older ones get no overlay.
    target: ['chrome100', 'firefox100', 'safari15'],
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  if (write) {
    fs.mkdirSync(path.dirname(EMBED_FILE), { recursive: true });
    fs.writeFileSync(EMBED_FILE, code);
  }
  return code;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const code = await buildEmbed();
  console.log(`embed.js: ${code.length} bytes → ${path.relative(root, EMBED_FILE)}`);
}
