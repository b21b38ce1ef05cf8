import { describe, expect, it } from 'vitest';
import { responseSchema } from './responses-schema';
import { sourceSchema } from './sources-schema';

const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe('source form', () => {
  const valid = { claimId: '3', sourceId: '', url: 'https://stats.example.org/a', title: 'A report', publisher: '', publishedAt: '', archivedUrl: '', relation: 'supports', excerpt: '', note: '' };

  it('reads a new source, with empty optional fields as null', () => {
    expect(sourceSchema.parse(valid)).toMatchObject({ claimId: 3, sourceId: undefined, publishedAt: null, archivedUrl: null });
  });

  it('names each bad field', () => {
    const result = sourceSchema.safeParse({ ...valid, url: 'javascript:alert(1)', title: ' ', archivedUrl: 'ftp://x.example', relation: 'maybe', publishedAt: '2026-13-01' });
    expect(Object.keys(errorsOf(result)).sort()).toEqual(['archivedUrl', 'publishedAt', 'relation', 'title', 'url']);
  });
});

describe('response form', () => {
  const base = { claimId: '3', responseId: '', partyId: '2', newPartyName: '', stance: '', quote: '', respondedAt: '', sourceUrl: '', requestedAt: '', deadlineAt: '' };

  it('takes a request for comment with its deadline and no stance yet', () => {
    expect(responseSchema.parse({ ...base, requestedAt: '2026-01-05', deadlineAt: '2026-01-12' })).toMatchObject({
      stance: null,
      deadlineAt: new Date('2026-01-12T00:00:00Z'),
    });
  });

  it('takes a new party by name instead of a chosen one', () => {
    expect(responseSchema.parse({ ...base, partyId: '', newPartyName: 'Harbour Board', stance: 'denies' })).toMatchObject({ partyId: null, newPartyName: 'Harbour Board', newPartyKind: 'organization' });
    expect(responseSchema.parse({ ...base, partyId: '', newPartyName: 'Dalia Haddad', newPartyKind: 'person', stance: 'denies' })).toMatchObject({ newPartyKind: 'person' });
    expect(responseSchema.safeParse({ ...base, partyId: '', newPartyName: 'Dalia Haddad', newPartyKind: 'alien', stance: 'denies' }).error?.issues[0]).toMatchObject({ path: ['newPartyKind'], message: 'Choose a kind.' });
  });

  it.each([
    ['neither a stance nor a request', {}, 'stance'],
    ['no party', { partyId: '', stance: 'confirms' }, 'partyId'],
    ['a deadline before the request', { requestedAt: '2026-01-12', deadlineAt: '2026-01-05' }, 'deadlineAt'],
    ['"no response" without the deadline that passed', { stance: 'no_response' }, 'deadlineAt'],
    ['a link that is not a web address', { stance: 'confirms', sourceUrl: 'data:text/html,hi' }, 'sourceUrl'],
  ])('refuses %s', (_name, change, field) => {
    expect(errorsOf(responseSchema.safeParse({ ...base, ...change }))).toHaveProperty(field);
  });
});
