import { describe, expect, it } from 'vitest';
import type { Status } from './status';
import { suggestStatus } from './suggest-status';
import type { Relation, Stance } from './vocabulary';

const cases: [name: string, relations: Relation[], stances: (Stance | null)[], expected: Status][] = [
  ['nothing recorded', [], [], 'unverified'],
  ['only context sources', ['context', 'context'], [], 'unverified'],
  ['only an open request for comment', [], [null], 'unverified'],
  ['declined and unanswered requests', ['context'], ['declines_to_comment', 'no_response'], 'unverified'],
  ['a contradicting source, none supporting', ['contradicts'], [], 'false'],
  ['contradicting sources and a denial', ['contradicts', 'context'], ['denies'], 'false'],
  ['a contradicting source but a party confirms', ['contradicts'], ['confirms'], 'disputed'],
  ['supporting sources, nothing against', ['supports', 'supports'], [], 'confirmed'],
  ['a supporting source and a confirming response', ['supports'], ['confirms'], 'confirmed'],
  ['a supporting source and a partial confirmation', ['supports'], ['partly_confirms'], 'partly_true'],
  ['a supporting source and a party disputes', ['supports'], ['disputes'], 'disputed'],
  ['mixed evidence and a party disputes', ['supports', 'contradicts'], ['disputes'], 'disputed'],
  ['mixed evidence and no contest', ['supports', 'contradicts'], ['confirms'], 'partly_true'],
  ['a denial without sources', [], ['denies'], 'disputed'],
  ['parties disagree without sources', [], ['confirms', 'denies'], 'disputed'],
  ['a confirmation without sources', ['context'], ['confirms'], 'confirmed'],
  ['a partial confirmation without sources', [], ['partly_confirms', null], 'partly_true'],
];

describe('suggestStatus', () => {
  it.each(cases)('%s', (_name, relations, stances, expected) => {
    const suggestion = suggestStatus({ relations, stances });
    expect(suggestion.status).toBe(expected);
    expect(suggestion.reason).toMatch(/^[A-Z].*\.$/);
  });

  it('does not depend on the order of sources and responses', () => {
    const a = suggestStatus({ relations: ['contradicts', 'supports'], stances: ['denies', 'confirms'] });
    const b = suggestStatus({ relations: ['supports', 'contradicts'], stances: ['confirms', 'denies'] });
    expect(a).toEqual(b);
  });
});
