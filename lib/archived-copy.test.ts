import { createHash } from 'node:crypto';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_POLICY, archivedCopyHtml, archivedCopyMissingHtml, type ArchivedCopyInput } from './archived-copy';

// What a hostile or merely messy page leaves in the stored text: markup as text (the extractor
// keeps what the page showed), an RTL paragraph, CJK, emoji, a control character and curly quotes.
const STORED = [
  'Harbour dues rose 12% in 2025, the port said. <script>alert("stored")</script>',
  'Peak-hour journeys on Quay Road took 26 minutes in March, down from 31 minutes, per the council’s “interim” counters.',
  'قال المجلس إن عدد الركاب ارتفع — 通勤者 🚌 <img src=x onerror=alert(1)>\u0007',
  '"><iframe src="https://evil.example/"></iframe> & more',
].join('\n\n');

const input = (over: Partial<ArchivedCopyInput> = {}): ArchivedCopyInput => ({
  publisher: 'Harbour <Fact> Desk',
  claim: { statement: 'Journeys got “five minutes faster” <b>since</b> the lane opened', href: '/claims/4/journeys-faster', editorsOnly: false },
  cited: {
    title: 'Quay Road report </title><script>x()</script>',
    url: 'https://council.example.org/quay?a=1&b="2"',
    excerpt: 'Peak-hour journeys on Quay Road took 26 minutes in March, down from 31 minutes',
  },
  snapshot: {
    fetchedAt: new Date(Date.UTC(2026, 10, 30, 9, 15)),
    finalUrl: 'https://council.example.org/reports/quay-road',
    title: '',
    text: STORED,
    textTruncated: false,
    contentType: 'text/html; charset=utf-8',
    size: 48_213,
    sha256: 'a'.repeat(64),
  },
  ...over,
});

const parse = (html: string) => new JSDOM(html).window.document;

describe('the archived copy document', () => {
  it('is the stored text as text: no script, frame, image or anything else to load, whatever the page held', () => {
    const html = archivedCopyHtml(input());
    const doc = parse(html);
    expect(doc.querySelectorAll('script, iframe, img, object, embed, link, base, form, meta[http-equiv]')).toHaveLength(0);
    expect([...doc.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name) || a.name === 'src'))).toEqual([]);
    expect(doc.querySelector('main')!.textContent).toContain('<script>alert("stored")</script>');
    expect(doc.querySelector('main')!.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(html).not.toContain('\u0007');
    expect(doc.title).toBe('Archived copy: Quay Road report </title><script>x()</script>, 30 Nov 2026');
    // Links go to the original, which may not be followed as ours, and back to the claim.
    const links = [...doc.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('rel')]);
    expect(links).toEqual([
      ['https://council.example.org/quay?a=1&b="2"', 'https://council.example.org/quay?a=1&b="2"', 'noopener noreferrer nofollow'],
      ['“Journeys got ‘five minutes faster’ <b>since</b> the lane opened”', '/claims/4/journeys-faster', null],
      ['Jump to the cited excerpt', '#cited', null],
      ['Back to the claim', '/claims/4/journeys-faster', null],
    ]);
  });

  it('is labelled as a copy, with when, where from and the fingerprint, and marks the cited excerpt', () => {
    const doc = parse(archivedCopyHtml(input()));
    const notice = doc.querySelector('header')!.textContent!;
    expect(notice).toContain('Archived copy');
    expect(notice).toContain('This is the text Harbour <Fact> Desk stored when it fetched this source on 30 Nov 2026, not the page itself');
    expect(notice).toContain('https://council.example.org/reports/quay-road');
    expect(notice).toContain('a'.repeat(64));
    expect(doc.querySelector('time')!.getAttribute('datetime')).toBe('2026-11-30T09:15:00.000Z');
    expect(doc.querySelector('h1')!.textContent).toBe('Quay Road report </title><script>x()</script>');
    const marks = doc.querySelectorAll('mark');
    expect(marks).toHaveLength(1);
    expect(marks[0]!.id).toBe('cited');
    expect(marks[0]!.textContent).toBe(input().cited.excerpt);
    // Each paragraph finds its own direction: the Arabic one reads right to left.
    expect([...doc.querySelectorAll('.text p')].map((p) => p.getAttribute('dir'))).toEqual(['auto', 'auto', 'auto', 'auto']);
    expect(notice).not.toContain('only signed-in editors');
  });

  it('finds an excerpt copied with other quotes and spacing, and says so when it is not in the copy', () => {
    const near = parse(archivedCopyHtml(input({ cited: { ...input().cited, excerpt: 'Peak hour journeys on Quay Road took 26 minutes in March down from 31 minutes' } })));
    expect(near.querySelector('mark')?.textContent).toContain('26 minutes in March');
    expect(near.querySelector('a[href="#cited"]')!.textContent).toBe('Jump to the passage closest to the cited excerpt');
    const absent = parse(archivedCopyHtml(input({ cited: { ...input().cited, excerpt: 'The minister resigned over the tram budget on Friday' } })));
    expect(absent.querySelector('mark')).toBeNull();
    expect(absent.body.textContent).toContain('The cited excerpt was not found in this copy.');
  });

  it('says what it holds for a PDF, an empty page and a cut-off text', () => {
    const pdf = parse(archivedCopyHtml(input({ snapshot: { ...input().snapshot, text: '', contentType: 'application/pdf' } })));
    expect(pdf.querySelector('main')!.textContent).toContain('This source is a PDF file; Harbour <Fact> Desk keeps its fingerprint');
    const empty = parse(archivedCopyHtml(input({ snapshot: { ...input().snapshot, text: '' } })));
    expect(empty.querySelector('main')!.textContent).toContain('No text could be extracted from this source.');
    const long = parse(archivedCopyHtml(input({ snapshot: { ...input().snapshot, textTruncated: true } })));
    expect(long.querySelector('main')!.textContent).toContain('The copy stops here');
  });

  it('tells an editor when the claim is not published', () => {
    const doc = parse(archivedCopyHtml(input({ claim: { statement: 'Draft claim', href: '/edit/claims/9', editorsOnly: true } })));
    expect(doc.querySelector('header')!.textContent).toContain('The claim citing it is not published: only signed-in editors can open this copy.');
    expect(doc.querySelector('footer a')!.getAttribute('href')).toBe('/edit/claims/9');
  });

  it('allows its one stylesheet by hash, and nothing else', () => {
    for (const html of [archivedCopyHtml(input()), archivedCopyMissingHtml()]) {
      const styles = [...parse(html).querySelectorAll('style')];
      expect(styles).toHaveLength(1);
      const hash = createHash('sha256').update(styles[0]!.textContent!).digest('base64');
      expect(ARCHIVE_POLICY).toContain(`style-src 'sha256-${hash}'`);
      expect(parse(html).querySelectorAll('[style]')).toHaveLength(0);
    }
    expect(ARCHIVE_POLICY).toContain("default-src 'none'");
    expect(ARCHIVE_POLICY).not.toMatch(/script-src|unsafe/);
  });
});
