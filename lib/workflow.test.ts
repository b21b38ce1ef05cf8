import { describe, expect, it } from 'vitest';
import { checkMove, MOVES, movesFor, movesFrom, WORKFLOW_STATES, type WorkflowState } from './workflow';

const allowed: Record<WorkflowState, WorkflowState[]> = {
  draft: ['in_progress'],
  in_progress: ['draft', 'ready_for_review'],
  ready_for_review: ['in_progress', 'published'],
  published: ['in_progress'],
};

describe('workflow state machine', () => {
  const context = { actorId: 'b', verdictSetBy: 'a', signOffRequired: true };

  for (const from of WORKFLOW_STATES) {
    for (const to of WORKFLOW_STATES) {
      const expected = allowed[from].includes(to);
      it(`${expected ? 'allows' : 'refuses'} ${from} → ${to}`, () => {
        const result = checkMove(from, to, context);
        expect(result.ok).toBe(expected);
        if (!result.ok) expect(result.reason).toMatch(/cannot go from/);
      });
    }
  }

  it('refuses approval by the editor who set the verdict while sign-off is required', () => {
    const own = checkMove('ready_for_review', 'published', { actorId: 'a', verdictSetBy: 'a', signOffRequired: true });
    expect(own).toEqual({ ok: false, reason: 'A different editor must approve the verdict you set.' });
    expect(checkMove('ready_for_review', 'published', { actorId: 'a', verdictSetBy: 'a', signOffRequired: false }).ok).toBe(true);
    expect(checkMove('ready_for_review', 'published', { actorId: 'a', verdictSetBy: null, signOffRequired: true }).ok).toBe(true);
  });

  it('offers as buttons exactly the allowed moves', () => {
    for (const from of WORKFLOW_STATES) expect(movesFrom(from).map((m) => m.to).sort()).toEqual([...allowed[from]].sort());
    expect(new Set(MOVES.map((m) => m.label)).size).toBe(MOVES.length);
  });

  it('refuses approval by the proposer of a pending change, whoever set the verdict readers see', () => {
    const context = { verdictSetBy: 'a', pendingBy: 'b', signOffRequired: true };
    expect(checkMove('ready_for_review', 'published', { ...context, actorId: 'b' }).ok).toBe(false);
    expect(checkMove('ready_for_review', 'published', { ...context, actorId: 'c' }).ok).toBe(true);
  });

  it('keeps a public claim from going back to draft', () => {
    expect(checkMove('in_progress', 'draft', { actorId: 'a', verdictSetBy: null, published: true, signOffRequired: true })).toMatchObject({ ok: false, reason: expect.stringMatching(/unpublish it/) });
  });

  it('offers as buttons only the moves this person may make', () => {
    const own = { actorId: 'a', verdictSetBy: 'a', pendingBy: null, published: false, signOffRequired: true };
    expect(movesFor('ready_for_review', own).map((m) => m.to)).toEqual(['in_progress']);
    expect(movesFor('ready_for_review', { ...own, actorId: 'b' }).map((m) => m.to)).toEqual(['in_progress', 'published']);
    expect(movesFor('in_progress', { ...own, published: true }).map((m) => m.to)).toEqual(['ready_for_review']);
  });
});
