// `npm run dev`: migrate and seed like `npm start`, then the Next development server.
import { buildEmbed } from './build-embed.mjs';
import { baseEnv, bin, run, runTs } from './lib.mjs';

const env = baseEnv();
await runTs('scripts/prepare-db.ts', [], { env });
// /embed.js as of now; run `node scripts/build-embed.mjs` again after changing embed/.
await buildEmbed();
await run(bin('next'), ['dev', '--port', String(process.env.PORT || 3000)], { env });
