// `npm run test:timing -- [--rounds N]`: the sign-in timing check (an unknown or disabled account
// is refused as slowly as a wrong password) over more rounds than `npm test` runs.
import { parseArgs } from 'node:util';
import { bin, run } from './lib.mjs';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '50' } } });
await run(bin('vitest'), ['run', 'lib/server/sign-in.test.ts'], { env: { ...process.env, SIGN_IN_TIMING_ROUNDS: values.rounds } });
