import type { Status } from './status';
import type { Relation, Stance } from './vocabulary';

export type Suggestion = { status: Status; reason: string };

const CONTESTING: readonly Stance[] = ['disputes', 'denies'];

/**
 * A status the evidence points to, with a one-line reason, from the relations
 * of a claim's sources and the stances of its responses (open requests for
 * comment have no stance and count for nothing). The editor decides; this
 * only puts the recorded evidence into words.
 */
export function suggestStatus(input: { relations: readonly Relation[]; stances: readonly (Stance | null)[] }): Suggestion {
  const supporting = input.relations.filter((r) => r === 'supports').length;
  const contradicting = input.relations.filter((r) => r === 'contradicts').length;
  const contested = input.stances.some((s) => s !== null && CONTESTING.includes(s));
  const confirmed = input.stances.includes('confirms');
  const partly = input.stances.includes('partly_confirms');

  if (contradicting > 0 && supporting > 0) {
    return contested
      ? { status: 'disputed', reason: 'A party contests it and the sources disagree.' }
      : { status: 'partly_true', reason: 'Some sources support it and others contradict it.' };
  }
  if (contradicting > 0) {
    return confirmed
      ? { status: 'disputed', reason: 'Sources contradict it, but a party confirms it.' }
      : { status: 'false', reason: 'Sources contradict it and none support it.' };
  }
  if (supporting > 0) {
    if (contested) return { status: 'disputed', reason: 'Sources support it, but a party contests it.' };
    if (partly) return { status: 'partly_true', reason: 'Sources support it and a party confirms part of it.' };
    return confirmed
      ? { status: 'confirmed', reason: 'Sources support it and a party confirms it.' }
      : { status: 'confirmed', reason: 'Sources support it and none contradict it.' };
  }
  if (contested) {
    return confirmed || partly
      ? { status: 'disputed', reason: 'Parties disagree and no source settles it.' }
      : { status: 'disputed', reason: 'A party contests it and no source settles it.' };
  }
  if (partly) return { status: 'partly_true', reason: 'A party confirms part of it; no source yet.' };
  if (confirmed) return { status: 'confirmed', reason: 'A party confirms it; no source yet.' };
  return { status: 'unverified', reason: 'No supporting or contradicting source or response yet.' };
}
