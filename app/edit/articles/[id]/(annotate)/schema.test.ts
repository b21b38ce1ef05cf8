import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createClaimSchema, saveClaimSchema } from './schema';

const saved = { id: '7', version: '3', statement: 'Fares will stay at €2.', savedStatus: 'unverified', savedNote: '' };

describe('saveClaimSchema', () => {
  it('needs a note saying why when the status changes', () => {
    const result = saveClaimSchema.safeParse({ ...saved, status: 'disputed', statusNote: '  ' });
    expect(result.success).toBe(false);
    expect(z.flattenError(result.error!).fieldErrors).toEqual({ statusNote: ['The status changes: write a note saying why.'] });
  });

  it('does not accept the previous status’s note as the reason for a new status', () => {
    const result = saveClaimSchema.safeParse({ ...saved, savedStatus: 'confirmed', savedNote: 'Timetable.', status: 'false', statusNote: 'Timetable.' });
    expect(result.success).toBe(false);
  });

  it('needs no note when the status stays; reads the checkbox, claimant and new party', () => {
    const parsed = saveClaimSchema.parse({ ...saved, status: 'unverified', claimantPartyId: '', newPartyName: '  Valley Transit ', newPartyKind: 'government', published: 'on' });
    expect(parsed).toMatchObject({ id: 7, version: 3, claimantPartyId: null, published: true, newParty: { name: 'Valley Transit', kind: 'government' } });
    expect(saveClaimSchema.parse({ ...saved, status: 'unverified', claimantPartyId: '4' })).toMatchObject({ published: false, claimantPartyId: 4, newParty: null });
  });

  it('refuses an empty statement and a bad party id', () => {
    const result = saveClaimSchema.safeParse({ ...saved, status: 'unverified', statement: ' ', claimantPartyId: '1 OR 1' });
    expect(Object.keys(z.flattenError(result.error!).fieldErrors).sort()).toEqual(['claimantPartyId', 'statement']);
  });
});

describe('createClaimSchema', () => {
  it('takes the passage offsets as numbers and an empty statement as “use the quote”', () => {
    expect(createClaimSchema.parse({ articleId: '2', start: '10', end: '20', exact: 'the quote!', statement: '' })).toMatchObject({
      articleId: 2,
      start: 10,
      end: 20,
      statement: '',
      newParty: null,
    });
    expect(createClaimSchema.safeParse({ articleId: '2', start: '-1', end: '20', exact: 'x' }).success).toBe(false);
  });
});

describe('createClaimSchema, a passage too long to quote', () => {
  it('says how long the selection is and what to select, where zod said only "Too big" on a hidden field', () => {
    const exact = 'The harbour office said 40 ships called — «أربعون سفينة» 🚢. '.repeat(400);
    const result = createClaimSchema.safeParse({ articleId: '4', start: '0', end: String(exact.length), exact, statement: '' });
    expect(z.flattenError(result.error!).fieldErrors).toEqual({
      exact: [`The selected passage is ${exact.length.toLocaleString('en')} characters long; a claim quotes at most 20,000. Select the sentence or paragraph that makes the claim.`],
    });
  });
});
