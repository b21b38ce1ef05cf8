// Builds the production bundle when there is none or the sources changed since the last build;
// with --always (`npm run build`), builds anyway. Either way it stamps the build with the sources'
// hash, so `npm start` after `npm run build` starts at once instead of building the same sources again.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildEmbed, EMBED_FILE } from './build-embed.mjs';
import { baseEnv, bin, root, run } from './lib.mjs';

const INPUTS = ['app', 'components', 'db', 'embed', 'lib', 'public', 'next.config.js', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json', 'proxy.ts', 'instrumentation.ts'];
const STAMP = path.join(root, '.next', 'claimline-source-hash');

function hashSources() {
  const hash = createHash('sha256');
  const visit = (entry) => {
    const full = path.join(root, entry);
    if (!fs.existsSync(full)) return;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) visit(path.join(entry, name));
    } else if (!/\.test\.ts$/.test(entry)) {
      hash.update(entry).update('\0').update(fs.readFileSync(full)).update('\0');
    }
  };
  INPUTS.forEach(visit);
  return hash.digest('hex');
}

export async function buildIfNeeded({ always = false } = {}) {
  const current = hashSources();
  const built = fs.existsSync(path.join(root, '.next', 'BUILD_ID')) && fs.existsSync(STAMP)
    ? fs.readFileSync(STAMP, 'utf8')
    : '';
  if (built === current && !always) {
    if (!fs.existsSync(EMBED_FILE)) await buildEmbed();
    return false;
  }
  if (!always) console.log('Building Claimline for production (first start or changed sources)…');
  await run(bin('next'), ['build'], { env: baseEnv() });
  // After next build, which empties .next.
  await buildEmbed();
  fs.writeFileSync(STAMP, current);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildIfNeeded({ always: process.argv.includes('--always') });
}
