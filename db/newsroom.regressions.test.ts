import { afterAll, describe, it } from 'vitest';
import { Edit, Move, Review, disposeNewsroom, replayNewsroom } from './newsroom.model';

// Sequences the newsroom model (db/newsroom.model.ts) shrank failures to, kept as named tests. Each
// replays the steps with every invariant checked after each one.

afterAll(() => disposeNewsroom());

describe('newsroom model, shrunk failures', () => {
  it('an editor who proposes a change to a public verdict cannot approve it herself', () => {
    replayNewsroom([new Edit('carmen', 0, { status: 'false', correction: 'New figures were published on Monday.' }, false), new Review('carmen', true, false)]);
  });

  it('unpublishing a claim with a pending proposal drops the proposal, with a history entry', () => {
    replayNewsroom([
      new Edit('anna', 0, { status: 'false', statusNote: 'Council records show otherwise.', correction: 'New figures.' }, false),
      new Edit('anna', 0, { statusNote: 'Confirmed by two sources — 確認済み.', correction: 'A typo in the explanation was fixed.', published: false }, false),
      new Review('anna', true, false),
    ]);
  });

  it('reopening a public claim leaves its public “updated” date alone', () => {
    replayNewsroom([new Move('anna', 0, 'in_progress', false)]);
  });
});
