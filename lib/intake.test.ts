import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assembleBody, chromeCandidates, detectParagraphBreaks, isChromeLine, splitParagraphs } from './intake';
import { ARABIC_PASTE, EMOJI_PASTE, WIRE_BODY, WIRE_CHROME, WIRE_PASTE, cjkArticle } from './testing/messy-articles';
import { hasVisibleText, normalizeBody } from './text';

const offered = (text: string) => {
  const paragraphs = splitParagraphs(text, detectParagraphBreaks(text));
  return chromeCandidates(paragraphs).map((c) => paragraphs[c.index]);
};

describe('paragraphs of pasted text', () => {
  it('takes each line of a web page copy as a paragraph', () => {
    expect(detectParagraphBreaks(WIRE_PASTE)).toBe('line');
    const paragraphs = splitParagraphs(WIRE_PASTE, 'line');
    expect(paragraphs).toHaveLength(WIRE_BODY.length + WIRE_CHROME.length - 1);
    expect(paragraphs[2]).toBe('Harbour authority says dredging will finish by June');
  });

  it('keeps blank-line paragraphs, and the line breaks inside them, when most breaks are blank lines', () => {
    const letter = 'Dear editor,\n\nThe ferry leaves at 07:10.\n\nYours,\nA. Reader\n12 Quay Road';
    expect(detectParagraphBreaks(letter)).toBe('blank');
    expect(splitParagraphs(letter, 'blank')).toEqual(['Dear editor,', 'The ferry leaves at 07:10.', 'Yours,\nA. Reader\n12 Quay Road']);
  });

  it('keeps text hard-wrapped mid-sentence (e-mail) in blank-line paragraphs', () => {
    const wrapped =
      'The council said on Tuesday that the new bus lanes had cut\nthe average commute along Quay Road by a fifth since they\nopened in April.\n\nResidents of the side streets said traffic had moved onto\ntheir roads instead of going away.';
    expect(detectParagraphBreaks(wrapped)).toBe('blank');
  });

  it('takes one line break per paragraph when a page copy has a stray blank line', () => {
    const text = 'First paragraph of the story.\nSecond paragraph, quoting “someone”.\nThird one.\n\nComments\nShare';
    expect(detectParagraphBreaks(text)).toBe('line');
  });

  it('treats right-to-left, emoji and CJK text like any other', () => {
    expect(splitParagraphs(ARABIC_PASTE, detectParagraphBreaks(ARABIC_PASTE))).toHaveLength(5);
    expect(splitParagraphs(EMOJI_PASTE, detectParagraphBreaks(EMOJI_PASTE))).toHaveLength(4);
    const cjk = cjkArticle(400_000);
    expect(cjk).toHaveLength(400_000);
    const paragraphs = splitParagraphs(cjk, detectParagraphBreaks(cjk));
    expect(paragraphs.length).toBeGreaterThan(2000);
    expect(assembleBody(paragraphs).replace(/\n\n/g, '\n')).toBe(cjk);
  });

  it('trims Unicode spaces around paragraphs and drops lines of nothing but spaces', () => {
    expect(splitParagraphs('\u3000One.\u2003\n\u00a0\t\n\uFEFFTwo.', 'line')).toEqual(['One.', 'Two.']);
  });

  it('drops a paragraph with nothing a reader can see, and keeps one with an emoji or a lone accent', () => {
    const copied = 'The ferry sails at dawn.\n\u200b\n\u200f\u2060\n\u3164\nSkippers agree.\n❤️\n\u0301';
    expect(splitParagraphs(copied, 'line')).toEqual(['The ferry sails at dawn.', 'Skippers agree.', '❤️', '\u0301']);
    expect(splitParagraphs('One.\n\n\u200b\n\u200b\n\nTwo.', 'blank')).toEqual(['One.', 'Two.']);
  });
});

describe('page furniture', () => {
  it('offers the furniture at both ends of a wire copy, and the advertisement marker inside it, and nothing else', () => {
    expect(offered(WIRE_PASTE)).toEqual(WIRE_CHROME);
  });

  it('offers furniture in other scripts’ pages too', () => {
    expect(offered(ARABIC_PASTE)).toEqual(['Comments']);
    expect(offered(EMOJI_PASTE)).toEqual(['Share on Facebook']);
  });

  it.each([
    'Comments',
    '12 Comments',
    'Comments (3)',
    'Advertisement',
    'ADVERTISEMENT - SCROLL TO CONTINUE WITH CONTENT',
    'Story continues below advertisement',
    'Share this article',
    'Share on WhatsApp',
    'Facebook Twitter Email',
    'Read more: Council votes to double parking fees',
    'Read more »',
    'Related articles',
    'Sign up for our newsletter',
    'Sign up to our free morning briefing',
    'Subscribe now',
    'Listen to this article · 4 min',
    '3 min read',
    '3-minute read',
    '⏱ 4 min. read',
    'Reading time: 5 minutes',
    'Home › World › Europe',
    'Home > News > Local',
    'Home / Politics',
    'News » Harbour » Dredging',
    'Home/News/Local',
    'Home | Politics',
    'HOME › Opinion › Letters to the editor',
    'Home › Ørnebakke › 港口',
    'Follow us on Bluesky',
    '© 2026 Kestrel Bay Courier. All rights reserved.',
    'Topics: Transport, Harbour',
    'Skip to main content',
    '  • Share  ',
  ])('%s is furniture', (line) => {
    expect(isChromeLine(line)).toBe(true);
  });

  it.each([
    'By Maren Ostrova',
    'Updated 14 March 2026, 09:41',
    'Published 3 hours ago',
    '14 March 2026',
    'Reporting by Maren Ostrova; editing by Jo Kettle',
    'Photo: Kestrel Bay Courier',
    'Harbour authority says dredging will finish by June',
    'Copyright lawsuit against the harbour authority dropped',
    'Comments from the mayor drew criticism',
    'More homes flooded than in 2019, council says',
    'Share prices fell 4% on Thursday.',
    'Home owners on Quay Road will pay more',
    'Search for missing sailor called off',
    'Follow the money: where the dredging budget went',
    '“Comments”, she said, “are not what we need.”',
    'Harbour › a history',
    '3 minutes from the station, the new ferry terminal opens',
    'Home is where the harbour is',
    // A slash inside a word is no breadcrumb, nor is a sentence that starts like one.
    'Home/work split leaves night-shift parents stranded',
    'Home/work balance is the theme of the report, the minister said.',
    'Home / work split leaves night-shift parents stranded on the 23 bus',
    'Home/office',
    'Yes/no vote on the harbour › a guide',
  ])('%s is not furniture', (line) => {
    expect(isChromeLine(line)).toBe(false);
  });

  it('offers the breadcrumb trail and the reading time of a copied page, and keeps headline, byline and date', () => {
    const paste = [
      'Home › World › Europe',
      'Ferry operator says the new crossing halves the trip to Ørnebakke',
      'By Maren Ostrova',
      '14 March 2026',
      '3 min read',
      'The ferry operator said on Monday that its new fast crossing would cut the trip to Ørnebakke from 50 minutes to “under 25”, a figure the harbour office called optimistic.',
      'Passenger groups said the timetable published last week still listed 45 minutes for most sailings, and asked the operator to explain the difference.',
      'Share this article',
    ].join('\n');
    expect(offered(paste)).toEqual(['Home › World › Europe', '3 min read', 'Share this article']);
  });

  it('never offers a line inside the body unless it is an advertisement marker', () => {
    const body = [
      'A first paragraph that is long enough to count as the running text of an article, clearly.',
      'Comments',
      'Share this article',
      'Advertisement',
      'A last paragraph that is long enough to count as the running text of an article, clearly.',
    ];
    expect(chromeCandidates(body)).toEqual([{ index: 3, where: 'body' }]);
  });
});

// A paste assembled from pieces a real clipboard brings: furniture, bylines, running text,
// whitespace-only lines, CRLF, Unicode spaces, combining marks, RTL, emoji and CJK.
const PIECES = [
  ...WIRE_CHROME,
  ...WIRE_BODY,
  'قال رئيس المجلس البلدي يوم الثلاثاء إن الجسر الجديد سيفتح قبل الصيف.',
  'Priya 👩🏽‍🍳 said the queue “went round the block twice 🇬🇧”.',
  '市议会周二表示，新渡轮航线将于明年春季开通。',
  'Cafe\u0301 owners said so.',
  '   ',
  '\u00a0',
  '\t indented line ',
  '',
  // What an empty element copied from a page leaves on its line: nothing a reader sees.
  '\u200b',
  '\u200e\u200b\u2800',
];
const LINE_ENDS = ['\n', '\r\n', '\r', '\n\n', '\u2028'];

const paste = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...LINE_ENDS)), { minLength: 1, maxLength: 40 })
  .map((parts) => parts.map(([piece, end]) => piece + end).join(''));

/**
 * Text compared modulo the documented whitespace normalisation: NFC, every run of white space one
 * space, and a paragraph with nothing visible gone.
 */
const words = (text: string) =>
  text
    .normalize('NFC')
    .split('\n')
    .filter(hasVisibleText)
    .join(' ')
    .replace(/[\s\uFEFF]+/gu, ' ')
    .trim();

describe('what is stored', () => {
  it('is the pasted text less exactly the removed paragraphs, modulo whitespace normalisation', () => {
    fc.assert(
      fc.property(paste, fc.constantFrom('line' as const, 'blank' as const), fc.array(fc.nat(60)), fc.boolean(), (text, breaks, picks, allChrome) => {
        const paragraphs = splitParagraphs(text, breaks);
        const removed = new Set(allChrome ? chromeCandidates(paragraphs).map((c) => c.index) : picks);
        const stored = assembleBody(paragraphs, removed);
        // Each input paragraph (a line, or the lines between blank lines) is kept or removed whole.
        const units = breaks === 'line' ? normalizeBody(text).split('\n') : normalizeBody(text).split('\n\n');
        const kept = units.filter(hasVisibleText).filter((_, i) => !removed.has(i));
        expect(words(stored)).toBe(words(kept.join('\n\n')));
        expect(stored === '' ? [] : stored.split('\n\n')).toHaveLength(kept.length);
        // The stored text's paragraphs are the ones the preview showed, line breaks inside them kept.
        expect(splitParagraphs(stored, 'blank')).toEqual(paragraphs.filter((_, i) => !removed.has(i)));
        expect(normalizeBody(stored)).toBe(stored);
      }),
      { numRuns: 500 },
    );
  });

  it('loses no character other than white space and lines with nothing visible when nothing is removed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.constantFrom('line' as const, 'blank' as const), (text, breaks) => {
        expect(words(assembleBody(splitParagraphs(text, breaks)))).toBe(words(normalizeBody(text)));
      }),
      { numRuns: 500 },
    );
  });
});
