// `npm run dev`: migrate and seed like `npm start`, then the Next development server.
import { baseEnv, bin, run, runTs } from './lib.mjs';

const env = baseEnv();
await runTs('scripts/prepare-db.ts', [], { env });
await run(bin('next'), ['dev', '--port', String(process.env.PORT || 3000)], { env });
