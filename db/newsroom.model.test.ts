import { afterAll, describe, it } from 'vitest';
import { disposeNewsroom, runNewsroom } from './newsroom.model';

// Seeded and bounded for `npm test`; `npm run test:model -- --runs N [--seed S]` runs longer.
const runs = Number(process.env.MODEL_RUNS ?? 25);
const seed = Number(process.env.MODEL_SEED ?? Date.now() % 2 ** 31);

afterAll(() => disposeNewsroom());

describe('the newsroom, model-based (issue 16)', () => {
  it(`keeps the public record right through random sequences of editors’ actions (seed ${seed}, ${runs} runs)`, () => {
    runNewsroom({ runs, seed });
  }, 600_000);
});
