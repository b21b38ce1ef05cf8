/**
 * An invented article as Claimline stores it, and the same article as its publisher's page
 * serves it: other white space and quotation marks, links and emphasis splitting quoted
 * words, a footnote marker, an advertisement a script inserts mid-paragraph, and a sentence
 * the publisher has since cut. For embed/show.test.ts and e2e/embed.spec.ts.
 */
import type { Status } from '@/lib/status';

export const FERRY_TITLE = 'Harbour ferry fares: what the council’s figures show';

export const FERRY_BODY = [
  'The Northgate harbour ferry carried 1.2 million passengers last year, according to the operator’s annual report.',
  'Councillor Imogen Platt said fares rose by 40 per cent since 2019 while the service was cut back on Sundays.',
  'The harbour authority said the subsidy would end in March, leaving the operator to cover the shortfall alone.',
  'At a public meeting the mayor called the new timetable "a work of fiction" and promised a review by summer.',
  'According to the council’s own survey, most riders use the ferry to reach work.',
  'The operator said the ferry would be replaced by a bridge within five years.',
  'The operator said fares will rise again in April. Riders were told that fares will rise again only if fuel costs climb.',
].join('\n\n');

/** `last`: the claim is on the quote's last occurrence in the text, not its first. */
export type FerryClaim = { quote: string; statement: string; status: Status; statusNote: string; onPage: boolean; last?: boolean };

export const FERRY_CLAIMS: FerryClaim[] = [
  {
    quote: 'carried 1.2 million passengers last year',
    statement: 'The ferry carried 1.2 million passengers last year.',
    status: 'confirmed',
    statusNote: 'The operator’s annual report and the harbour authority’s ticket counts agree.',
    onPage: true,
  },
  {
    quote: 'fares rose by 40 per cent since 2019',
    statement: 'Ferry fares rose by 40 per cent since 2019.',
    status: 'partly_true',
    statusNote: 'Single tickets rose 40 %, but season tickets only 12 %.',
    onPage: true,
  },
  {
    quote: 'the subsidy would end in March, leaving the operator to cover the shortfall alone',
    statement: 'The ferry subsidy ends in March.',
    status: 'disputed',
    statusNote: 'The operator says the contract runs to December; the authority has not published it.',
    onPage: true,
  },
  {
    quote: 'called the new timetable "a work of fiction"',
    statement: 'The mayor called the new timetable “a work of fiction”.',
    status: 'confirmed',
    statusNote: 'A recording of the meeting confirms the words.',
    onPage: true,
  },
  {
    quote: 'the council’s own survey',
    statement: 'The council ran its own survey of ferry riders.',
    status: 'unverified',
    statusNote: '',
    onPage: true,
  },
  {
    quote: 'the ferry would be replaced by a bridge within five years',
    statement: 'A bridge will replace the ferry within five years.',
    status: 'false',
    statusNote: 'No bridge is in the regional plan or the council’s budget.',
    onPage: false,
  },
  {
    // Twice in the text; the stored context names the second.
    quote: 'fares will rise again',
    statement: 'Fares will rise again only if fuel costs climb.',
    status: 'prediction',
    statusNote: 'A statement about the future.',
    onPage: true,
    last: true,
  },
];

/** The publisher's page: `embed` is the script tag's attributes (none: no overlay). */
export function ferryPage({ canonical, embed }: { canonical: string; embed?: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Ferry fares | The Northgate Tide</title>
<link rel="canonical" href="${canonical}">
<style>
  body { font: 18px/1.6 Georgia, serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; color: #1f2933; background: #fffdf8; }
  .ad-slot { display: block; margin: .5rem 0; padding: .5rem; background: #eef; font: 13px sans-serif; }
  span { display: block; } /* a careless site rule the overlay's chips must survive */
  p span, p em, p a { display: inline; }
</style>
</head>
<body>
<header><nav><a href="/">The Northgate Tide</a> · <a href="/news">News</a></nav></header>
<main>
<article>
<h1>Harbour ferry fares: what the council’s   figures show</h1>
<p>The Northgate harbour ferry
   carried <a href="/stats">1.2&nbsp;million</a> <em>passengers</em> last year, according to the operator’s annual report.</p>
<p>Councillor Imogen Platt said fares rose by 40 per cent<sup><a href="#fn1" id="ref1">1</a></sup> since 2019 while the service was cut back on Sundays.</p>
<p id="subsidy">The harbour authority said the subsidy would end in March, leaving the operator to cover the shortfall alone.</p>
<p>At a public meeting the mayor called the new   timetable
“a work of fiction” and promised a review by summer.</p>
<p>According to the council's own survey, most riders use the ferry to reach work.</p>
<p>The operator said fares will rise again in April. Riders were told that <strong>fares will rise again</strong> only if fuel costs climb.</p>
<ol class="footnotes"><li id="fn1">Fare tables published by the operator, 2019–2025.</li></ol>
</article>
</main>
<script>
  // What an ad network does after the page loads: an element dropped into the middle of a paragraph.
  (function () {
    var p = document.getElementById('subsidy');
    var ad = document.createElement('div');
    ad.className = 'ad-slot';
    ad.innerHTML = '<span>Advertisement</span> <a href="#">Sunset cruises from £9</a>';
    var text = p.firstChild;
    var at = text.data.indexOf('would end');
    p.insertBefore(ad, text.splitText(at));
  })();
</script>
${embed === undefined ? '' : `<script ${embed}></script>`}
</body>
</html>`;
}
