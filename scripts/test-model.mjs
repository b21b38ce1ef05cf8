// `npm run test:model -- --runs N [--seed S]`: the newsroom's model-based suite (db/newsroom.model.ts)
// for longer than `npm test` runs it; a failure prints the seed that replays it.
import { parseArgs } from 'node:util';
import { bin, run } from './lib.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '500' }, seed: { type: 'string' } } });
const env = { ...process.env, MODEL_RUNS: values.runs, ...(values.seed ? { MODEL_SEED: values.seed } : {}) };
await run(bin('vitest'), ['run', 'db/newsroom.model.test.ts'], { env });
