import { describe, expect, it } from 'vitest';
import { atomFeed, outletChangesFeed } from './atom';
import { xmlError } from './testing/strict-xml';

describe('Atom feed', () => {
  it('names the status each entry set and escapes text', () => {
    const xml = atomFeed({
      title: 'Status changes',
      selfUrl: 'https://desk.example/feeds/claims.atom',
      pageUrl: 'https://desk.example/claims',
      site: 'https://desk.example',
      publisher: 'Example Desk',
      events: [
        {
          id: 9,
          at: new Date('2026-05-04T10:00:00Z'),
          kind: 'status_changed',
          before: { status: 'unverified', note: '' },
          after: { status: 'false', note: 'Budget <papers> disagree & more' },
          claimId: 4,
          claimSlug: 'grant',
          statement: 'Paid for by a grant',
          status: 'confirmed',
          articleTitle: 'Lanes',
        },
      ],
    });
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(xml).toContain('False: Paid for by a grant');
    expect(xml).toContain('<link href="https://desk.example/claims/4/grant"/>');
    expect(xml).not.toContain('<papers>');
    expect(xml).toContain('Budget &lt;papers&gt; disagree &amp; more');
  });

  it('keeps an entry’s id when the claim’s statement, and so its address, changes', () => {
    // RFC 4287: an entry's id never changes. It held the claim's slug, so editing a statement made
    // every earlier entry of the claim new again in readers' feed apps.
    const feed = (claimSlug: string) =>
      atomFeed({
        title: 'History',
        selfUrl: 'https://desk.example/claims/4/feed.atom',
        pageUrl: `https://desk.example/claims/4/${claimSlug}`,
        site: 'https://desk.example',
        publisher: 'Example Desk',
        events: [{ id: 9, at: new Date('2026-05-04T10:00:00Z'), kind: 'created', before: null, after: { status: 'unverified' }, claimId: 4, claimSlug, statement: 'Paid for by a grant', status: 'unverified', articleTitle: 'Lanes' }],
      });
    const entryId = (xml: string) => /<entry>[\s\S]*?<id>([^<]*)<\/id>/.exec(xml)?.[1];
    expect(entryId(feed('paid-for-by-a-grant'))).toBe('https://desk.example/claims/4#event-9');
    expect(entryId(feed('paid-for-by-a-national-grant'))).toBe(entryId(feed('paid-for-by-a-grant')));
  });

  it('stays well formed for a strict XML parser when stored text holds controls and non-characters', () => {
    const hostile = (label: string) => `${label} \u0001\u0008\u001b\u007f\u0085\ufffe\uffff\ud800 ]]> <b>&amp;`;
    const xml = atomFeed({
      title: hostile('Party'),
      selfUrl: 'https://desk.example/parties/x/feed.atom',
      pageUrl: 'https://desk.example/parties/x',
      site: 'https://desk.example',
      publisher: hostile('Desk'),
      events: [
        {
          id: 1,
          at: new Date('2026-05-04T10:00:00Z'),
          kind: 'status_changed',
          before: { status: 'unverified', note: '' },
          after: { status: 'false', note: hostile('Note') },
          claimId: 4,
          claimSlug: 'x',
          statement: hostile('Statement'),
          status: 'false',
          articleTitle: hostile('Headline'),
        },
      ],
    });
    expect(xmlError(xml)).toBeNull();
    expect(xml).toContain('Statement');
    expect(xml).not.toMatch(/[\u0001\u0008\u001b\ufffe\uffff]/);
  });
});

describe('the feed of outlet changes', () => {
  it('links each change to its comparison and is strict XML whatever the titles hold', () => {
    const xml = outletChangesFeed({
      selfUrl: 'https://desk.example/feeds/outlet-changes.atom',
      pageUrl: 'https://desk.example/',
      site: 'https://desk.example',
      publisher: 'Example Desk',
      changes: [
        { id: 3, detectedAt: new Date('2026-11-30T10:00:00Z'), title: 'Harbour <b>record</b> & “quay” \u0007 ⚓', outlet: 'Gazette', url: 'https://news.example/a?x=1&y=2', changesPath: '/articles/harbour/changes?from=1&to=2' },
      ],
    });
    expect(xmlError(xml)).toBeNull();
    expect(xml).toContain('https://desk.example/articles/harbour/changes?from=1&amp;to=2');
    expect(xml).toContain('Changed after our check: Harbour &lt;b&gt;record&lt;/b&gt; &amp; “quay”  ⚓');
  });
});
