// Invented demo content: the outlets, people, organisations and events below do not exist.
import type { Status } from '@/lib/status';
import type { PartyKind, Relation, Stance } from '@/lib/vocabulary';

export const DEMO_PARTIES: { key: string; name: string; kind: PartyKind; description: string; url?: string }[] = [
  { key: 'council', name: 'Riverside City Council', kind: 'government', description: 'The elected council of the (invented) city of Riverside.' },
  { key: 'mayor', name: 'Zoë Marchetti', kind: 'person', description: 'Mayor of Riverside.' },
  { key: 'transit', name: 'Riverside Transit Authority', kind: 'government', description: 'Runs the city’s buses and trams.' },
  { key: 'drivers', name: 'Riverside Drivers’ Association', kind: 'organization', description: 'A motorists’ lobby group.' },
  { key: 'glassworks', name: 'Kestrel Glassworks', kind: 'organization', description: 'Glass manufacturer with a plant in the Tamsin valley.' },
  { key: 'water', name: 'Tamsin Valley Water Board', kind: 'government', description: 'Regional water regulator.' },
  { key: 'residents', name: 'Friends of the Tamsin', kind: 'organization', description: 'Residents’ group along the river.' },
];

export type DemoClaim = {
  quote: string;
  /** Which occurrence of the quote, when it appears more than once (0-based). */
  occurrence?: number;
  statement?: string;
  claimant?: string;
  status: Status;
  note?: string;
  published?: boolean;
  sources?: { url: string; title: string; publisher: string; relation: Relation; excerpt?: string; publishedDaysAgo: number }[];
  responses?: { party: string; stance: Stance | null; quote?: string; daysAgo?: number; requestedDaysAgo?: number; deadlineDaysAgo?: number }[];
};

export type DemoArticle = {
  key: string;
  title: string;
  outlet: string;
  author: string;
  publishedDaysAgo: number;
  canonicalUrl: string;
  body: string;
  claims: DemoClaim[];
};

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    key: 'bus-lanes',
    title: 'Riverside says its new bus lanes cut commutes by a fifth',
    outlet: 'The Harbour Ledger',
    author: 'Mara Okafor',
    publishedDaysAgo: 21,
    canonicalUrl: 'https://harbour-ledger.example/news/riverside-bus-lanes',
    body: `Riverside City Council said on Monday that the bus lanes it opened along Quay Road last spring have cut the average morning commute into the centre by 20 per cent.

“People are getting to work faster, and they are doing it without a car,” said Mayor Zoë Marchetti at a press conference outside the new tram depot. She added that ridership on the number 7 route had doubled since the lanes opened.

The council’s own traffic report, published in March, measured journey times on Quay Road at 31 minutes before the scheme and 26 minutes after it. That is a fall of about 16 per cent, not 20.

The Riverside Drivers’ Association disputes the figures. Its chair, Owen Pryce, said the lanes had pushed traffic onto side streets and that “the council is measuring the one road it fixed and ignoring the five it broke.”

According to the Riverside Transit Authority, 1.2 million trips were made on the number 7 route in the twelve months after the lanes opened, against 640,000 the year before.

The mayor also said the scheme had been paid for entirely by a national grant. Council budget papers show that £2.1 million of the £3.4 million cost came from the grant, and the rest from local transport funds.

Ms Marchetti said more lanes would follow on Mill Street next year. The council has not published a timetable.`,
    claims: [
      {
        quote: 'have cut the average morning commute into the centre by 20 per cent',
        statement: 'The Quay Road bus lanes cut the average morning commute into the centre by 20 per cent.',
        claimant: 'council',
        status: 'partly_true',
        note: 'The council’s own March report measures a fall from 31 to 26 minutes, about 16 per cent: a real cut, but smaller than claimed.',
        sources: [
          { url: 'https://riverside-council.example/reports/quay-road-traffic-2026', title: 'Quay Road traffic monitoring report', publisher: 'Riverside City Council', relation: 'contradicts', excerpt: 'Mean AM peak journey time: 31 min (before), 26 min (after).', publishedDaysAgo: 60 },
        ],
        responses: [{ party: 'council', stance: 'partly_confirms', quote: 'The 20 per cent figure includes the Bridge Street junction changes made at the same time.', daysAgo: 18 }],
      },
      {
        quote: 'ridership on the number 7 route had doubled since the lanes opened',
        claimant: 'mayor',
        status: 'confirmed',
        note: 'Transit Authority figures show 1.2 million trips against 640,000 the year before: close to double.',
        sources: [
          { url: 'https://riverside-transit.example/data/route-7-ridership', title: 'Route 7 ridership, annual totals', publisher: 'Riverside Transit Authority', relation: 'supports', excerpt: 'Twelve months to March: 1,204,000 trips (previous year 641,500).', publishedDaysAgo: 40 },
        ],
        responses: [{ party: 'transit', stance: 'confirms', quote: 'Our ticketing data shows route 7 trips rose from about 640,000 to 1.2 million.', daysAgo: 17 }],
      },
      {
        quote: 'the lanes had pushed traffic onto side streets',
        statement: 'The Quay Road bus lanes pushed traffic onto side streets.',
        claimant: 'drivers',
        status: 'disputed',
        note: 'The association has not shared counts for the side streets and the council has not measured them; the question is open.',
        responses: [
          { party: 'council', stance: 'disputes', quote: 'Our sensors on Quay Road show no rise in rat-running on the roads we monitor.', daysAgo: 16 },
          { party: 'drivers', stance: null, requestedDaysAgo: 15, deadlineDaysAgo: 8 },
        ],
      },
      {
        quote: 'the scheme had been paid for entirely by a national grant',
        claimant: 'mayor',
        status: 'false',
        note: 'Budget papers show the grant covered £2.1 million of the £3.4 million cost; the rest came from local transport funds.',
        sources: [
          { url: 'https://riverside-council.example/budget/2026-transport-capital', title: 'Transport capital programme 2026', publisher: 'Riverside City Council', relation: 'contradicts', excerpt: 'Quay Road bus priority: £3.4m, of which national grant £2.1m.', publishedDaysAgo: 90 },
        ],
        responses: [{ party: 'mayor', stance: 'declines_to_comment', daysAgo: 14 }],
      },
      {
        quote: 'more lanes would follow on Mill Street next year',
        claimant: 'mayor',
        status: 'unverified',
      },
      {
        quote: 'the council is measuring the one road it fixed and ignoring the five it broke',
        claimant: 'drivers',
        status: 'unverified',
        published: false,
      },
    ],
  },
  {
    key: 'glassworks',
    title: 'Glassworks expansion: a jobs promise meets questions over the river',
    outlet: 'Valley Courier',
    author: 'Tomasz Lindqvist',
    publishedDaysAgo: 9,
    canonicalUrl: 'https://valley-courier.example/2026/glassworks-expansion',
    body: `Kestrel Glassworks says its €40 million expansion in the Tamsin valley will create 300 permanent jobs by 2028 — a promise the company repeated in a letter to residents this week.

The plant’s application to the Tamsin Valley Water Board asks to raise its daily water draw from the river from 1,800 to 2,600 cubic metres. Kestrel said the extra water would be “fully recycled and returned cleaner than we took it.”

Friends of the Tamsin, a residents’ group, said the river had already fallen to its lowest summer level in thirty years. The Water Board’s gauge at Elder Bridge recorded its lowest August reading since 1994, which is 32 years.

In an earlier interview the Riverside mayor had praised the plant, saying ridership on the number 7 route had doubled since the lanes opened and that the same approach to investment would serve the valley.

Kestrel first announced 450 new jobs when it bought the site in 2024. The company withdrew that figure in its planning statement, which now says 300 permanent jobs.

The Water Board said it would decide on the application in the new year. Kestrel did not say whether it would go ahead if the board refused the larger draw.`,
    claims: [
      {
        quote: 'will create 300 permanent jobs by 2028',
        statement: 'The Kestrel Glassworks expansion will create 300 permanent jobs by 2028.',
        claimant: 'glassworks',
        status: 'unverified',
        note: '',
        responses: [{ party: 'glassworks', stance: 'confirms', quote: 'Our planning statement commits to 300 permanent roles.', daysAgo: 7 }],
        sources: [
          { url: 'https://kestrel-glass.example/planning-statement.pdf', title: 'Planning statement: Tamsin valley expansion', publisher: 'Kestrel Glassworks', relation: 'context', publishedDaysAgo: 30 },
        ],
      },
      {
        quote: 'fully recycled and returned cleaner than we took it',
        statement: 'The extra water the glassworks draws will be fully recycled and returned to the river cleaner.',
        claimant: 'glassworks',
        status: 'disputed',
        note: 'The Water Board says discharge quality will be set by permit conditions not yet written; residents dispute the claim.',
        responses: [
          { party: 'residents', stance: 'disputes', quote: 'Warm process water is not “cleaner” for a river already at record lows.', daysAgo: 6 },
          { party: 'water', stance: 'declines_to_comment', quote: 'The application is under consideration.', daysAgo: 5 },
        ],
      },
      {
        quote: 'the river had already fallen to its lowest summer level in thirty years',
        claimant: 'residents',
        status: 'confirmed',
        note: 'The Elder Bridge gauge recorded its lowest August level since 1994 — 32 years, so the claim if anything understates it.',
        sources: [
          { url: 'https://tamsin-water.example/gauges/elder-bridge', title: 'Elder Bridge gauge: monthly levels', publisher: 'Tamsin Valley Water Board', relation: 'supports', excerpt: 'August minimum: lowest since 1994.', publishedDaysAgo: 20 },
        ],
        responses: [{ party: 'water', stance: 'confirms', quote: 'The August reading at Elder Bridge was the lowest since 1994.', daysAgo: 5 }],
      },
      {
        quote: 'Kestrel first announced 450 new jobs',
        statement: 'Kestrel Glassworks promised 450 new jobs when it bought the site.',
        claimant: 'glassworks',
        status: 'retracted',
        note: 'The company withdrew the 450 figure in its planning statement, which now says 300.',
        sources: [
          { url: 'https://kestrel-glass.example/planning-statement.pdf', title: 'Planning statement: Tamsin valley expansion', publisher: 'Kestrel Glassworks', relation: 'supports', excerpt: 'The development will support 300 permanent roles.', publishedDaysAgo: 30 },
        ],
      },
    ],
  },
];

/** A claim that the second article repeats, linked as an appearance of the first article's claim. */
export const DEMO_APPEARANCE = {
  claimQuote: 'ridership on the number 7 route had doubled since the lanes opened',
  article: 'glassworks',
};
